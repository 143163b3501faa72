import { existsSync } from 'node:fs';
import path from 'node:path';
import { GateFailedError } from '@em/cli-kit';
import { InputError } from '@em/core';
import { runEvaluation } from '@em/eval';
import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { requireInputFile } from '../files.js';
import { print, printJson } from '../io.js';
import { probability } from '../option-parsers.js';

interface EvalOptions extends CommonOptions {
  truth: string;
  predictions?: string;
  subset: string[];
  threshold?: number;
  targetPrecision?: number;
  html?: string;
  failUnder?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `em eval`: the same evaluation as `em-eval` (@em/eval), reading the gold table of --db by default. */
export function register(program: Command, ctx: CliContext): void {
  defineCommand(program, {
    name: 'eval',
    description:
      'Compare the gold table with a gold standard: precision, recall, F1, auto-match and review rates, per stage, method and subset; HTML report; CI gates (exit 3).',
    examples: [
      'em eval --truth gold.csv --subset hard',
      'em eval --truth gold.csv --html report.html --fail-under f1=0.93,precision=0.95,auto_match=0.85',
      'em eval --predictions gold.parquet --truth gold.csv --target-precision 0.99 --json',
    ],
  })
    .requiredOption(
      '--truth <file>',
      'gold standard, CSV or Parquet: source_id, source_system, true_ciq_id (+ boolean subset columns)',
    )
    .option(
      '--predictions <file>',
      'predictions: DuckDB database, CSV, Parquet or JSONL (default: gold.matched_entities in --db)',
    )
    .option(
      '--subset <column>',
      'report a boolean gold-standard column separately (repeatable; default: every boolean column)',
      collect,
      [],
    )
    .option('--threshold <t>', 'auto-match threshold on match_confidence (default 0.90)', probability)
    .option(
      '--target-precision <p>',
      'find the lowest threshold whose auto-matched set reaches precision p',
      probability,
    )
    .option('--html <file>', 'write a self-contained HTML report with charts')
    .option(
      '--fail-under <gates>',
      'e.g. f1=0.93,precision=0.95,auto_match=0.85 (also auto.precision, hard.f1); exit 3 if one fails',
    )
    .action((options: EvalOptions) => evaluateCommand(ctx, options));
}

async function evaluateCommand({ io }: CliContext, options: EvalOptions): Promise<void> {
  const db = resolveDb(options, io);
  if (!options.predictions && !existsSync(db.path)) {
    throw new InputError(
      `${db.shown}: no such database, so no gold table to evaluate; run \`em run${db.flag}\` first, or pass --predictions FILE.`,
    );
  }
  const predictions = options.predictions
    ? requireInputFile(options.predictions, io.cwd, 'predictions file')
    : db.path;
  const run = await runEvaluation({
    predictions,
    truth: requireInputFile(options.truth, io.cwd, 'gold standard'),
    subsets: options.subset,
    threshold: options.threshold,
    targetPrecision: options.targetPrecision,
    failUnder: options.failUnder,
    html: options.html ? path.resolve(io.cwd, options.html) : undefined,
  });
  if (options.json) printJson(io, { command: 'eval', ...run.json });
  else {
    io.stdout.write(run.text);
    if (run.htmlPath) print(io, `HTML report: ${run.htmlPath}`);
  }
  if (run.failedGates.length > 0) throw new GateFailedError(`gate failed: ${run.failedGates.join('; ')}`);
}
