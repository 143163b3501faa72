import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT, type ExitCode, type Io, reportError, UsageError } from '@em/cli-kit';
import { InputError } from '@em/core';
import { comparisonCsv, comparisonMarkdown, comparisonRows } from '../pairs/comparison-table.js';
import { runPairsBenchmark, SCORERS, type ScorerName } from '../pairs/pairs-benchmark.js';
import { runPairsFiles } from '../pairs/pairs-files.js';
import type { PairsReport } from '../pairs/pairs-report.js';
import { textTable } from '../report/text-table.js';
import { numberFlag } from './cli-io.js';
import { parseFlags } from './parse-flags.js';

export const PAIRS_USAGE = `Usage: em-eval pairs --data-dir DIR (--predictions-dir DIR | --scorer jaccard) [options]
       em-eval pairs --test FILE --test-predictions FILE (--tune FILE --tune-predictions FILE | --threshold T) [options]

Precision, recall and F1 of a pair scorer on Ditto-format benchmarks (left<TAB>right<TAB>label),
with the threshold chosen on a separate split, next to published F1.

Every dataset under a folder (e.g. ../shared/data/er_magellan):
  --data-dir DIR            one folder per dataset holding <test-split>.txt
  --predictions-dir DIR     the scorer's output as DIR/<dataset>/<split>.txt (one probability per line)
                            or DIR/<dataset>/<split>.csv (index,probability; index = 0-based pair line)
  --scorer jaccard          or score with a built-in baseline (token Jaccard of the record values)
  --test-split NAME         split to report (default valid)
  --tune-split NAME         split to choose the threshold on (default train; train.*.txt counts;
                            without one, the test file is split in two by a hash of each line)
One dataset from files:
  --test FILE --test-predictions FILE
  --tune FILE --tune-predictions FILE
  --dataset NAME            name shown in the table (default: the test file)
Both:
  --threshold T             use T instead of choosing the threshold with the best F1 on the tune split
  --published FILE          CSV dataset,published_f1[,system] or JSON; F1 as 0–1 or percent
  --out FILE                write the comparison table (.md, .csv or .json)
  --json                    print the report as one JSON object
  -h, --help                show this help

Example:
  $ em-eval pairs --data-dir ../shared/data/er_magellan --scorer jaccard --published published.csv --out comparison.md
`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  'predictions-dir': { type: 'string' },
  scorer: { type: 'string' },
  'test-split': { type: 'string' },
  'tune-split': { type: 'string' },
  test: { type: 'string' },
  'test-predictions': { type: 'string' },
  tune: { type: 'string' },
  'tune-predictions': { type: 'string' },
  dataset: { type: 'string' },
  threshold: { type: 'string' },
  published: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function writeComparison(path: string, report: PairsReport): Promise<void> {
  const text = path.endsWith('.json')
    ? `${JSON.stringify(report, null, 2)}\n`
    : path.endsWith('.csv')
      ? comparisonCsv(report)
      : comparisonMarkdown(report);
  try {
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new InputError(
      `--out ${path}: cannot write it (${error instanceof Error ? error.message : error}); check the folder exists.`,
    );
  }
}

/** `em-eval pairs [flags]`: resolves to the exit code. */
export async function pairsMain(args: readonly string[], io: Io): Promise<ExitCode> {
  try {
    const flags = parseFlags(args, OPTIONS);
    if (flags.help) {
      io.stdout.write(PAIRS_USAGE);
      return EXIT.ok;
    }
    const threshold = numberFlag('--threshold', flags.threshold);
    if (flags.scorer !== undefined && !(flags.scorer in SCORERS)) {
      throw new UsageError(
        `--scorer ${flags.scorer}: unknown; built-in scorers: ${Object.keys(SCORERS).join(', ')}.`,
      );
    }
    // Every path is the user's: resolve it against their working directory.
    const at = (file: string | undefined) => (file === undefined ? undefined : resolve(io.cwd, file));
    let report: PairsReport;
    if (flags['data-dir']) {
      report = await runPairsBenchmark({
        dataDir: at(flags['data-dir'])!,
        predictionsDir: at(flags['predictions-dir']),
        scorer: flags.scorer as ScorerName | undefined,
        testSplit: flags['test-split'],
        tuneSplit: flags['tune-split'],
        threshold,
        published: at(flags.published),
      });
    } else if (flags.test && flags['test-predictions']) {
      report = await runPairsFiles({
        test: at(flags.test)!,
        testPredictions: at(flags['test-predictions'])!,
        tune: at(flags.tune),
        tunePredictions: at(flags['tune-predictions']),
        threshold,
        dataset: flags.dataset,
        published: at(flags.published),
      });
    } else {
      throw new UsageError('give --data-dir DIR, or --test FILE with --test-predictions FILE.');
    }
    if (flags.out) await writeComparison(at(flags.out)!, report);
    if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const { header, rows } = comparisonRows(report);
      io.stdout.write(`${textTable(header, rows)}\n`);
      if (report.unmatched_published.length > 0)
        io.stdout.write(`published results without a dataset: ${report.unmatched_published.join('; ')}\n`);
      if (flags.out) io.stdout.write(`comparison table: ${flags.out}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, 'em-eval pairs');
  }
}
