import { type ChannelRecall, channelRecall, type RecallCase, stageOfMethod } from '@em/core/cascade';
import type { EvaluatedRow } from './evaluated-row.js';

/**
 * Per-channel recall@k over the rows with a true match whose prediction stores the candidates
 * retrieval found. Exact-identifier matches are left out: they never ran retrieval and store
 * only the row their identifier names. Null when no such row stores candidates.
 */
export function candidateRecall(rows: readonly EvaluatedRow[]): ChannelRecall | null {
  const cases: RecallCase[] = [];
  for (const row of rows) {
    const candidates = row.prediction?.candidates;
    if (row.truth === null || !candidates || stageOfMethod(row.method) === 'exact_identifier') continue;
    cases.push({ truth: row.truth, candidates });
  }
  return cases.some((c) => c.candidates.length > 0) ? channelRecall(cases) : null;
}
