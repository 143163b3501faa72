import { type Candidate, type ScoringPair, type SourceEntity, validatedIdentifiers } from '@em/core';
import { mergeCandidates } from '@em/core/cascade';
import type { ReferenceIdentifiers } from './reference-identifiers.js';

/**
 * The pairs stage 3 would score for a source, built the way `runCascade` builds them: the
 * retriever's top-k, then identifier-hit entities appended (`mergeCandidates`), each pair
 * with the top score and the next candidate's score.
 */
export function candidatePairs(
  source: SourceEntity,
  retrieved: readonly Candidate[],
  identifiers: ReferenceIdentifiers | null,
  topK: number,
  /** A ciq_id to leave out (training: a company made absent from the reference). */
  exclude: string | null = null,
): ScoringPair[] {
  const keep = (e: { readonly ciq_id: string }): boolean => e.ciq_id !== exclude;
  const hits = identifiers ? identifiers.hits(source).filter(keep) : [];
  const kept = retrieved.filter((c) => keep(c.entity)).map((c, rank) => ({ ...c, rank }));
  const list = mergeCandidates(kept, hits, validatedIdentifiers(source), topK);
  const topScore = list[0]?.score ?? 0;
  return list.map((c, i) => ({
    source,
    candidate: {
      entity: c.entity,
      score: c.score,
      rank: c.rank,
      ...(c.channels ? { channels: c.channels } : {}),
    },
    topScore,
    nextScore: list[i + 1]?.score ?? null,
  }));
}
