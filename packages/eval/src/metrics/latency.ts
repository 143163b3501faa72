import type { EvaluatedRow } from './evaluated-row.js';

export interface Latency {
  /** Rows with a recorded processing_time_ms. */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of sorted values: the smallest value with at least q of the values at or below it. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Latency in ms from processing_time_ms; null when no row recorded it. */
export function latencyOf(rows: readonly EvaluatedRow[]): Latency | null {
  const times = rows
    .map((r) => r.prediction?.processing_time_ms)
    .filter((t): t is number => typeof t === 'number')
    .sort((a, b) => a - b);
  if (times.length === 0) return null;
  const sum = times.reduce((a, b) => a + b, 0);
  return {
    n: times.length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    mean: sum / times.length,
    max: times[times.length - 1]!,
  };
}
