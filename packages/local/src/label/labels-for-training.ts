import { type SourceEntity, sourceKey } from '@em/core';
import type { ReviewLabel } from '../review/review-labels.js';
import type { PairLabel } from './label-store.js';

/**
 * `em label` answers in the shape `em train` takes review decisions: labelled sources whose
 * record is still ingested, with who answered and when. Answers are training labels only;
 * the gold table changes through `em review`.
 */
export function pairLabelsAsReview(
  labels: readonly PairLabel[],
  sources: readonly SourceEntity[],
): ReviewLabel[] {
  const byKey = new Map(sources.map((s) => [sourceKey(s), s]));
  return labels.flatMap((l) => {
    const source = byKey.get(sourceKey(l));
    return source
      ? [{ source, ciq_id: l.true_ciq_id, decided_at: l.labelled_at, decided_by: l.labelled_by }]
      : [];
  });
}
