import { InputError } from '@em/core';
import { checkProbability } from '../evaluate.js';
import { bestThreshold, type PairMetrics, pairMetrics } from './pair-metrics.js';

export interface PairSplit {
  /** Where the pairs came from, e.g. "valid.txt" or "valid.txt (hash half)". */
  name: string;
  labels: readonly (0 | 1)[];
  /** One per pair; null where the scorer gave none. */
  probabilities: readonly (number | null)[];
}

export interface PairDatasetResult {
  dataset: string;
  /** Test split at the chosen threshold; pairs without a prediction count as non-matches. */
  test: { split: string; missing: number; metrics: PairMetrics };
  /** The split the threshold was chosen on (pairs without a prediction left out); null when the caller fixed it. */
  tune: { split: string; n: number; f1: number } | null;
  threshold: number;
  /** Published F1 per system, in [0, 1], as the caller supplied them. */
  published: Record<string, number>;
}

/** Score one dataset: choose the threshold with the best F1 on the tune split (or take the given one), report the test split. */
export function evaluatePairs(input: {
  dataset: string;
  test: PairSplit;
  tune?: PairSplit;
  threshold?: number;
}): PairDatasetResult {
  let threshold = input.threshold === undefined ? undefined : checkProbability('threshold', input.threshold);
  let tune: PairDatasetResult['tune'] = null;
  if (threshold === undefined) {
    const split = input.tune ?? input.test;
    const kept = split.labels.flatMap((label, i) => {
      const p = split.probabilities[i];
      return p === null || p === undefined ? [] : [{ label, p }];
    });
    if (!kept.some((k) => k.label === 1)) {
      throw new InputError(
        `${input.dataset}: the tune split ${split.name} has no positive pair among the ${kept.length} with a prediction, so no threshold can be chosen; predict more of it or pass --threshold.`,
      );
    }
    const best = bestThreshold(
      kept.map((k) => k.label),
      kept.map((k) => k.p),
    );
    threshold = best.threshold;
    tune = { split: split.name, n: kept.length, f1: best.f1 };
  }
  const probabilities = input.test.probabilities.map((p) => p ?? 0);
  return {
    dataset: input.dataset,
    test: {
      split: input.test.name,
      missing: input.test.probabilities.filter((p) => p === null).length,
      metrics: pairMetrics(input.test.labels, probabilities, threshold),
    },
    tune,
    threshold,
    published: {},
  };
}
