import { type EvaluatedRow, isAuto } from './evaluated-row.js';
import { type Counts, emptyCounts, type Metrics, metricsFromCounts } from './metrics.js';

/** "all": every prediction counts as made. "auto": only rows with confidence ≥ the threshold count; the rest are undecided. */
export type View = 'all' | 'auto';

/** Add one row to the counts of a view. */
export function addRow(c: Counts, row: EvaluatedRow, threshold: number, view: View): void {
  const auto = isAuto(row, threshold);
  // A missing prediction counts as "none" in the all view; it is never auto-matched.
  const decided = view === 'all' || auto;
  const p = decided ? row.predicted : null;
  const t = row.truth;
  c.n += 1;
  if (auto) c.auto_matched += 1;
  if (t !== null) c.true_match += 1;
  if (t !== null && auto) c.auto_matched_true_match += 1;
  if (!decided) c.undecided += 1;
  if (p !== null && p === t) c.tp += 1;
  if (p !== null && p !== t) c.fp += 1;
  if (t !== null && p !== t) c.fn += 1;
  if (decided && p === null && t === null) c.tn += 1;
  if (p !== null && t !== null && p !== t) c.wrong_match += 1;
  if (p !== null && t === null) c.false_match += 1;
  if (p === null && t !== null) c.missed_match += 1;
}

export function countRows(rows: Iterable<EvaluatedRow>, threshold: number, view: View): Metrics {
  const counts = emptyCounts();
  for (const row of rows) addRow(counts, row, threshold, view);
  return metricsFromCounts(counts);
}

/** Both views of the same rows. */
export function bothViews(rows: readonly EvaluatedRow[], threshold: number): { all: Metrics; auto: Metrics } {
  return { all: countRows(rows, threshold, 'all'), auto: countRows(rows, threshold, 'auto') };
}
