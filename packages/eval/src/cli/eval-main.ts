import { resolve } from 'node:path';
import { EXIT, type ExitCode, type Io, reportError, UsageError } from '@em/cli-kit';
import { runEvaluation } from '../run-evaluation.js';
import { numberFlag } from './cli-io.js';
import { parseFlags } from './parse-flags.js';

export const EVAL_USAGE = `Usage: em-eval --predictions PATH --truth PATH [options]
       em-eval pairs -h     (pairwise mode for Ditto-format benchmarks)

Compare predictions with a gold standard: precision, recall, F1, accuracy, auto-match rate,
review rate (all rows and auto-matched rows), per stage, method and subset; latency; cost.

Options:
  --predictions PATH        gold table: DuckDB database (reads gold.matched_entities), CSV, Parquet or JSONL
  --truth PATH              gold standard CSV or Parquet: source_id, source_system, true_ciq_id (+ boolean subset columns)
  --subset COLUMN           report a boolean gold-standard column separately (repeatable; default: every boolean column)
  --threshold T             auto-match threshold on match_confidence (default 0.90)
  --target-precision P      find the lowest threshold whose auto-matched set reaches precision P
  --json                    print the report as one JSON object (schema: packages/eval/README.md)
  --html FILE               write a self-contained HTML report with charts
  --fail-under GATES        e.g. f1=0.93,precision=0.95,auto_match=0.85 (also auto.precision, hard.f1, …); exit 3 if any fails
  --table NAME              table to read from a DuckDB file (default gold.matched_entities)
  -h, --help                show this help

Exit codes: 0 ok · 1 internal error · 2 bad input · 3 a gate failed

Examples:
  $ em-eval --predictions em.duckdb --truth gold_dev.csv --subset hard
  $ em-eval --predictions gold.parquet --truth gold.csv --html report.html --fail-under f1=0.93,auto.precision=0.995
`;

const OPTIONS = {
  predictions: { type: 'string' },
  truth: { type: 'string' },
  subset: { type: 'string', multiple: true },
  threshold: { type: 'string' },
  'target-precision': { type: 'string' },
  json: { type: 'boolean' },
  html: { type: 'string' },
  'fail-under': { type: 'string' },
  table: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `em-eval [flags]`: resolves to the exit code. */
export async function evalMain(args: readonly string[], io: Io): Promise<ExitCode> {
  try {
    const flags = parseFlags(args, OPTIONS);
    if (flags.help) {
      io.stdout.write(EVAL_USAGE);
      return EXIT.ok;
    }
    if (!flags.predictions || !flags.truth)
      throw new UsageError('--predictions PATH and --truth PATH are required.');
    const run = await runEvaluation({
      predictions: resolve(io.cwd, flags.predictions),
      truth: resolve(io.cwd, flags.truth),
      subsets: flags.subset,
      threshold: numberFlag('--threshold', flags.threshold),
      targetPrecision: numberFlag('--target-precision', flags['target-precision']),
      failUnder: flags['fail-under'],
      html: flags.html === undefined ? undefined : resolve(io.cwd, flags.html),
      table: flags.table,
    });
    if (flags.json) io.stdout.write(`${JSON.stringify(run.json, null, 2)}\n`);
    else io.stdout.write(run.text);
    if (run.htmlPath && !flags.json) io.stdout.write(`HTML report: ${run.htmlPath}\n`);
    if (run.failedGates.length > 0) {
      for (const line of run.failedGates) io.stderr.write(`em-eval: gate failed: ${line}\n`);
      return EXIT.gate;
    }
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, 'em-eval');
  }
}
