import { existsSync } from 'node:fs';
import { InputError } from '@em/core';
import { readDittoPairs } from './ditto-pairs.js';
import { evaluatePairs, type PairSplit } from './evaluate-pairs.js';
import { readPairPredictions } from './pair-predictions.js';
import { type PairsReport, withPublished } from './pairs-report.js';

/** Evaluate one dataset from explicit files (the pair model's own outputs). */
export async function runPairsFiles(options: {
  test: string;
  testPredictions: string;
  tune?: string;
  tunePredictions?: string;
  threshold?: number;
  dataset?: string;
  published?: string;
}): Promise<PairsReport> {
  for (const [flag, path] of [
    ['--test', options.test],
    ['--test-predictions', options.testPredictions],
    ['--tune', options.tune],
    ['--tune-predictions', options.tunePredictions],
  ] as const) {
    if (path !== undefined && !existsSync(path)) throw new InputError(`${flag} ${path}: no such file.`);
  }
  if ((options.tune === undefined) !== (options.tunePredictions === undefined)) {
    throw new InputError(
      'pairs: --tune and --tune-predictions go together (the threshold is chosen on that split).',
    );
  }
  if (options.tune === undefined && options.threshold === undefined) {
    throw new InputError(
      'pairs: give --tune FILE --tune-predictions FILE to choose the threshold on a separate split, or --threshold T.',
    );
  }
  const load = async (pairsPath: string, predictionsPath: string): Promise<PairSplit> => {
    const pairs = await readDittoPairs(pairsPath);
    return {
      name: pairsPath,
      labels: pairs.map((p) => p.label),
      probabilities: await readPairPredictions(predictionsPath, pairs.length),
    };
  };
  const result = evaluatePairs({
    dataset: options.dataset ?? options.test,
    test: await load(options.test, options.testPredictions),
    tune: options.tune ? await load(options.tune, options.tunePredictions!) : undefined,
    threshold: options.threshold,
  });
  return withPublished([result], options.published);
}
