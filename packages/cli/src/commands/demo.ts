import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '@em/core';
import type { Command } from 'commander';
import { runSettings } from '../cascade-settings.js';
import { type CommonOptions, defineCommand } from '../common-options.js';
import type { CliContext } from '../context.js';
import type { DemoState } from '../demo/demo-state.js';
import { DEMO_STEPS } from '../demo/steps.js';
import { describeDemo, sourceReconciliation } from '../demo/summary.js';
import { print, printJson } from '../io.js';
import { integerAtLeast } from '../option-parsers.js';
import { createProgress } from '../output/progress.js';
import { logStep } from '../output/step-log.js';

interface DemoCommandOptions extends CommonOptions {
  dir?: string;
  reference: number;
  sources: number;
  seed: number;
  keep?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  defineCommand(program, {
    name: 'demo',
    description:
      'Generate realistic company data, match it end to end on this machine (no network) and print accuracy.',
    examples: ['em demo', 'em demo --dir ./em-demo --reference 100000 --sources 10000 --seed 7'],
  })
    .option('--dir <dir>', 'folder for the generated data and database (kept); default: a temporary folder')
    .option('--reference <n>', 'reference companies to generate', integerAtLeast(1), 20_000)
    .option('--sources <n>', 'source records to generate and match', integerAtLeast(1), 5_000)
    .option('--seed <n>', 'random seed: the same seed gives the same data', integerAtLeast(0), 42)
    .option('--keep', 'keep the temporary folder to explore it afterwards')
    .addHelpText('after', '\nThe database is DIR/em.duckdb unless --db is given ($EM_DB is ignored here).\n')
    .action((options: DemoCommandOptions) => runDemo(ctx, options));
}

async function runDemo({ io, openEngine }: CliContext, options: DemoCommandOptions): Promise<void> {
  const started = performance.now();
  // A demo database someone chose (--dir, --db) or asked to keep stays; a temporary one is removed.
  const kept = options.dir !== undefined || options.db !== undefined || options.keep === true;
  const explicitDb = options.db ? path.resolve(io.cwd, options.db) : undefined;
  const explicitDir = options.dir ? path.resolve(io.cwd, options.dir) : undefined;
  for (const file of [explicitDb ?? (explicitDir && path.join(explicitDir, 'em.duckdb'))]) {
    if (file && existsSync(file)) {
      throw new InputError(
        `${file} already exists; the demo needs a fresh database. Remove it or pick another --dir.`,
      );
    }
  }
  const dir = explicitDir ?? (await mkdtemp(path.join(tmpdir(), 'em-demo-')));
  const dbPath = explicitDb ?? path.join(dir, 'em.duckdb');
  await mkdir(dir, { recursive: true });
  const state: DemoState = {
    options: { referenceSize: options.reference, sourceSize: options.sources, seed: options.seed },
    dir,
    dbPath,
    files: {
      reference: path.join(dir, 'reference.csv'),
      source: path.join(dir, 'source.csv'),
      gold: path.join(dir, 'gold.csv'),
    },
    settings: await runSettings({}, io),
  };
  try {
    for (const step of DEMO_STEPS) {
      const stepStarted = performance.now();
      const detail = await step.run({
        state,
        openEngine,
        progress: (stage) => createProgress(io.stderr, stage),
      });
      logStep(io.stderr, step, performance.now() - stepStarted, detail);
    }
  } finally {
    await state.engine?.close();
    if (!kept) await rm(dir, { recursive: true, force: true });
  }
  const durationMs = performance.now() - started;
  if (options.json) {
    return printJson(io, {
      command: 'demo',
      dir,
      db: dbPath,
      kept,
      ...state.options,
      dataset: state.dataset,
      ingest: { reference: state.reference, source: state.source },
      rows: sourceReconciliation(state),
      run: state.run,
      counts: state.stats?.counts,
      evaluation: state.evaluation,
      durationMs,
    });
  }
  print(io, ...describeDemo(state, { kept, durationMs }));
}
