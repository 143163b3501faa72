import type { EvaluatedRow } from './evaluated-row.js';
import { emptyCounts, metricsFromCounts } from './metrics.js';

export interface SweepPoint {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  auto_match_rate: number;
}

export interface TargetPrecision {
  target: number;
  /** Whether some threshold reaches the target. */
  reached: boolean;
  /** The lowest threshold whose auto-matched set has precision ≥ target (so the highest recall); when not reached, the threshold of the best precision. */
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  auto_match_rate: number;
}

/** The auto view at a threshold, from rows sorted by confidence (highest first) and a prefix length. */
function sweepAt(sorted: readonly EvaluatedRow[], rowCount: number, trueMatches: number) {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let decided = 0;
  return {
    /** Decide every row with confidence ≥ threshold, then read the metrics. */
    advance(threshold: number): SweepPoint {
      while (decided < sorted.length && sorted[decided]!.confidence! >= threshold) {
        const row = sorted[decided++]!;
        if (row.predicted !== null && row.predicted === row.truth) tp += 1;
        else if (row.predicted !== null) fp += 1;
        else if (row.truth === null) tn += 1;
      }
      const m = metricsFromCounts({
        ...emptyCounts(),
        n: rowCount,
        tp,
        fp,
        fn: trueMatches - tp,
        tn,
        auto_matched: decided,
      });
      return {
        threshold,
        precision: m.precision,
        recall: m.recall,
        f1: m.f1,
        accuracy: m.accuracy,
        auto_match_rate: m.auto_match_rate,
      };
    },
  };
}

function prepare(rows: readonly EvaluatedRow[]) {
  const sorted = rows.filter((r) => r.confidence !== null).sort((a, b) => b.confidence! - a.confidence!);
  const trueMatches = rows.filter((r) => r.truth !== null).length;
  return { sorted, trueMatches };
}

/** The auto view at thresholds 0, 0.01, …, 1 (in increasing order). */
export function thresholdSweep(rows: readonly EvaluatedRow[], steps = 100): SweepPoint[] {
  const { sorted, trueMatches } = prepare(rows);
  const cursor = sweepAt(sorted, rows.length, trueMatches);
  const points: SweepPoint[] = [];
  for (let i = steps; i >= 0; i -= 1) points.push(cursor.advance(i / steps));
  return points.reverse();
}

/** The lowest threshold (over the confidences that occur) whose auto-matched set reaches the target precision. */
export function thresholdForPrecision(rows: readonly EvaluatedRow[], target: number): TargetPrecision | null {
  const { sorted, trueMatches } = prepare(rows);
  const cursor = sweepAt(sorted, rows.length, trueMatches);
  const thresholds = [...new Set(sorted.map((r) => r.confidence!))];
  if (thresholds.length === 0) return null;
  let lowestReaching: SweepPoint | null = null;
  let best: SweepPoint | null = null;
  for (const threshold of thresholds) {
    const point = cursor.advance(threshold);
    if (point.precision >= target) lowestReaching = point;
    if (best === null || point.precision > best.precision) best = point;
  }
  const chosen = lowestReaching ?? best!;
  const { accuracy: _, ...rest } = chosen;
  return { target, reached: lowestReaching !== null, ...rest };
}
