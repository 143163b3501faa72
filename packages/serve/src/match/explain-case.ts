import type { ScoringPair, SourceEntity } from '@em/core';
import { explainPair, type PairExplanation, type PairModelArtifact, type ReviewCase } from '@em/local';

export interface PairModel {
  readonly artifact: PairModelArtifact;
  readonly modelVersion: string;
}

export interface CandidateExplanation extends PairExplanation {
  /** The pair score stored when the case was decided; differs when the model changed since. */
  readonly storedScore: number | null;
}

/**
 * Explain one stored candidate of a case with the current pair model: the pair is rebuilt as
 * the cascade built it (retrieval order gives top and next scores), then attributed feature by
 * feature. Null when the candidate or the source record is gone from the tables.
 */
export function explainCandidate(
  model: PairModel,
  c: ReviewCase,
  ciqId: string,
): CandidateExplanation | null {
  if (!c.source) return null;
  const byRank = [...c.candidates].sort((a, b) => a.rank - b.rank);
  const at = byRank.findIndex((k) => k.ciq_id === ciqId);
  const candidate = byRank[at];
  if (!candidate?.reference) return null;
  const pair: ScoringPair = {
    source: c.source as SourceEntity,
    candidate: { entity: candidate.reference, score: candidate.retrieval_score, rank: candidate.rank },
    topScore: byRank[0]!.retrieval_score,
    nextScore: byRank[at + 1]?.retrieval_score ?? null,
  };
  return { ...explainPair(model.artifact, model.modelVersion, pair), storedScore: candidate.pair_score };
}
