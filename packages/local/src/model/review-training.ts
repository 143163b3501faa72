import type { ReviewLabel } from '../review/review-labels.js';
import type { GoldLabel } from './training-pairs.js';

/**
 * Review decisions as training labels for `buildTrainingPairs({ review })`: the chosen ciq_id
 * is the source's positive, "no match" makes every candidate a negative. The rejected
 * suggestion needs no extra row: a suggestion is the machine's match or its best-ranked
 * candidate, so it is among the candidates and becomes a (hard) negative with the others.
 *
 * Ordered by source key whatever order the decisions came in, and blind to who decided and
 * when, so the same decisions and seed give the same model.
 */
export function reviewTrainingLabels(decisions: readonly ReviewLabel[]): GoldLabel[] {
  const latest = new Map<string, ReviewLabel>();
  for (const d of decisions) {
    const key = `${d.source.source_system}\u0000${d.source.source_id}`;
    const seen = latest.get(key);
    if (seen === undefined || d.decided_at > seen.decided_at) latest.set(key, d);
  }
  return [...latest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => ({ source: d.source, trueCiqId: d.ciq_id }));
}
