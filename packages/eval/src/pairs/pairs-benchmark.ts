import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '@em/core';
import { type DittoPair, readDittoPairs } from './ditto-pairs.js';
import { evaluatePairs, type PairDatasetResult, type PairSplit } from './evaluate-pairs.js';
import { hashHalves } from './hash-split.js';
import { jaccardScore } from './jaccard-scorer.js';
import { readPairPredictions } from './pair-predictions.js';
import { type PairsReport, withPublished } from './pairs-report.js';

/** Where a split's probabilities come from: a predictions file, or the built-in scorer. */
type Predictor = (
  pairs: readonly DittoPair[],
  pairsPath: string,
  dataset: string,
) => Promise<(number | null)[]>;

export const SCORERS = { jaccard: jaccardScore } as const;
export type ScorerName = keyof typeof SCORERS;

function fromScorer(name: ScorerName): Predictor {
  const score = SCORERS[name];
  return async (pairs) => pairs.map((p) => score(p.left, p.right));
}

function fromDirectory(dir: string): Predictor {
  return async (pairs, pairsPath, dataset) => {
    const name = pairsPath.split(sep).at(-1)!;
    const stem = name.replace(/\.txt$/, '');
    const tried = [join(dir, dataset, name), join(dir, dataset, `${stem}.csv`)];
    const found = tried.find((p) => existsSync(p));
    if (!found) {
      throw new InputError(
        `no predictions for ${dataset} ${name}: expected ${tried[0]} (one probability per line) or ${tried[1]} (index,probability).`,
      );
    }
    return readPairPredictions(found, pairs.length);
  };
}

/** Folders under `root` holding `<testSplit>.txt`, as dataset ids like "Structured/Beer", sorted. */
export function discoverDatasets(root: string, testSplit: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (entry === `${testSplit}.txt`) out.push(relative(root, dir).split(sep).join('/'));
    }
  };
  visit(root);
  return out.sort();
}

/** The tune file of a dataset: `<tuneSplit>.txt`, else `<tuneSplit>.<anything>.txt` (e.g. train.balance.txt). */
function tuneFile(dir: string, tuneSplit: string): string | undefined {
  const exact = join(dir, `${tuneSplit}.txt`);
  if (existsSync(exact)) return exact;
  const other = readdirSync(dir)
    .filter((f) => f.startsWith(`${tuneSplit}.`) && f.endsWith('.txt'))
    .sort()[0];
  return other ? join(dir, other) : undefined;
}

async function split(path: string, dataset: string, predict: Predictor, name: string): Promise<PairSplit> {
  const pairs = await readDittoPairs(path);
  return { name, labels: pairs.map((p) => p.label), probabilities: await predict(pairs, path, dataset) };
}

const pick = (s: PairSplit, indexes: readonly number[], name: string): PairSplit => ({
  name,
  labels: indexes.map((i) => s.labels[i]!),
  probabilities: indexes.map((i) => s.probabilities[i]!),
});

async function evaluateDataset(
  root: string,
  dataset: string,
  predict: Predictor,
  options: PairsBenchmarkOptions,
) {
  const dir = join(root, ...dataset.split('/'));
  const testName = `${options.testSplit ?? 'valid'}.txt`;
  const testPath = join(dir, testName);
  const test = await split(testPath, dataset, predict, testName);
  if (options.threshold !== undefined) return evaluatePairs({ dataset, test, threshold: options.threshold });
  const tunePath = tuneFile(dir, options.tuneSplit ?? 'train');
  if (tunePath) {
    const tuneName = tunePath.split(sep).at(-1)!;
    return evaluatePairs({ dataset, test, tune: await split(tunePath, dataset, predict, tuneName) });
  }
  // No tune file: tune on one hash half of the test file, report the other.
  const lines = (await readDittoPairs(testPath)).map((p) => `${p.left}\t${p.right}`);
  const halves = hashHalves(lines);
  return evaluatePairs({
    dataset,
    test: pick(test, halves.test, `${testName} (odd-hash half)`),
    tune: pick(test, halves.tune, `${testName} (even-hash half)`),
  });
}

export interface PairsBenchmarkOptions {
  /** Root with one folder per dataset (e.g. ../shared/data/er_magellan). */
  dataDir: string;
  /** Predictions as `<dir>/<dataset>/<split>.txt` (one probability per line) or `.csv` (index,probability). */
  predictionsDir?: string;
  /** Or score the pairs with a built-in baseline. */
  scorer?: ScorerName;
  /** Split reported on; default "valid". */
  testSplit?: string;
  /** Split the threshold is chosen on; default "train" (a `train.*.txt` variant counts; none: a hash half of the test split). */
  tuneSplit?: string;
  /** Use this threshold instead of choosing one. */
  threshold?: number;
  /** Published F1 to compare with (CSV or JSON, see loadPublished). */
  published?: string;
}

/** Evaluate a scorer on every dataset under a folder and compare with published F1. */
export async function runPairsBenchmark(options: PairsBenchmarkOptions): Promise<PairsReport> {
  const root = resolve(options.dataDir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new InputError(`--data-dir ${options.dataDir}: no such folder.`);
  if (!options.predictionsDir === !options.scorer) {
    throw new InputError(
      `pairs: pass exactly one of --predictions-dir DIR or --scorer ${Object.keys(SCORERS).join('|')}.`,
    );
  }
  const predict = options.scorer
    ? fromScorer(options.scorer)
    : fromDirectory(resolve(options.predictionsDir!));
  const datasets = discoverDatasets(root, options.testSplit ?? 'valid');
  if (datasets.length === 0)
    throw new InputError(
      `--data-dir ${options.dataDir}: no dataset folder holds ${options.testSplit ?? 'valid'}.txt.`,
    );
  const results: PairDatasetResult[] = [];
  for (const dataset of datasets) results.push(await evaluateDataset(root, dataset, predict, options));
  return withPublished(results, options.published);
}
