import { ratio } from '../metrics/metrics.js';

export interface PairMetrics {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

function fromCounts(n: number, tp: number, fp: number, fn: number): PairMetrics {
  const tn = n - tp - fp - fn;
  return {
    n,
    positives: tp + fn,
    tp,
    fp,
    fn,
    tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    accuracy: ratio(tp + tn, n),
  };
}

/** Pairs with probability ≥ threshold are predicted matches. */
export function pairMetrics(
  labels: readonly number[],
  probabilities: readonly number[],
  threshold: number,
): PairMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  labels.forEach((label, i) => {
    const predicted = probabilities[i]! >= threshold;
    if (predicted && label === 1) tp += 1;
    else if (predicted) fp += 1;
    else if (label === 1) fn += 1;
  });
  return fromCounts(labels.length, tp, fp, fn);
}

/** The threshold (one of the probabilities) with the best F1; ties go to the higher threshold; 0.5 without pairs. */
export function bestThreshold(
  labels: readonly number[],
  probabilities: readonly number[],
): { threshold: number; f1: number } {
  const order = probabilities.map((_, i) => i).sort((a, b) => probabilities[b]! - probabilities[a]!);
  const positives = labels.reduce((s, l) => s + (l === 1 ? 1 : 0), 0);
  let best = { threshold: 0.5, f1: -1 };
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k]!;
    if (labels[i] === 1) tp += 1;
    else fp += 1;
    const next = order[k + 1];
    if (next !== undefined && probabilities[next] === probabilities[i]) continue;
    const f1 = ratio(2 * tp, 2 * tp + fp + (positives - tp));
    if (f1 > best.f1) best = { threshold: probabilities[i]!, f1 };
  }
  return best.f1 < 0 ? { threshold: 0.5, f1: 0 } : best;
}
