import { bothViews } from './count-rows.js';
import type { EvaluatedRow } from './evaluated-row.js';
import type { Metrics } from './metrics.js';

export interface Views {
  all: Metrics;
  auto: Metrics;
}

/** Both views for each group of rows, groups in the order `compare` gives. */
export function breakdown(
  rows: readonly EvaluatedRow[],
  threshold: number,
  groupOf: (row: EvaluatedRow) => string,
  compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): Record<string, Views> {
  const groups = new Map<string, EvaluatedRow[]>();
  for (const row of rows) {
    const key = groupOf(row);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return Object.fromEntries(
    [...groups.keys()].sort(compare).map((key) => [key, bothViews(groups.get(key)!, threshold)]),
  );
}
