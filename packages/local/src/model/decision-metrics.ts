import { matchRates } from '@em/core/features';

/**
 * Source-level metrics of the stage-3 rule on held-out data: for each source (a group of
 * scored candidate pairs), the top candidate is matched when its probability reaches the
 * threshold and leads the runner-up by the margin. TP: matched the true candidate; FP:
 * matched a wrong one; FN: the source has a true candidate and it was not matched.
 */
export interface ScoredGroup {
  /** Calibrated probability per candidate. */
  readonly probabilities: readonly number[];
  /** Index of the true candidate, or -1 when none is true. */
  readonly truth: number;
}

export interface DecisionMetrics {
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly matched: number;
}

export function decisionMetrics(
  groups: readonly ScoredGroup[],
  threshold: number,
  margin: number,
): DecisionMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let matched = 0;
  for (const g of groups) {
    let best = -1;
    let p1 = -1;
    let p2 = 0;
    g.probabilities.forEach((p, i) => {
      if (p > p1) {
        p2 = Math.max(p2, p1);
        p1 = p;
        best = i;
      } else if (p > p2) p2 = p;
    });
    const accepted = best >= 0 && p1 >= threshold && p1 - p2 >= margin - 1e-9;
    if (accepted) {
      matched++;
      if (best === g.truth) tp++;
      else fp++;
    }
    if (g.truth >= 0 && !(accepted && best === g.truth)) fn++;
  }
  return { threshold, ...matchRates({ tp, fp, fn }), matched };
}

export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** The threshold with the best F1 (the lowest among ties) and the lowest whose precision reaches `target`. */
export function chooseThresholds(
  groups: readonly ScoredGroup[],
  margin: number,
  target: number,
): { best: DecisionMetrics; precise: DecisionMetrics; sweep: DecisionMetrics[] } {
  const sweep = THRESHOLD_GRID.map((t) => decisionMetrics(groups, t, margin));
  const best = sweep.reduce((a, b) => (b.f1 > a.f1 + 1e-12 ? b : a));
  const precise =
    sweep.find((m) => m.threshold >= best.threshold && m.precision >= target) ?? sweep[sweep.length - 1]!;
  return { best, precise, sweep };
}
