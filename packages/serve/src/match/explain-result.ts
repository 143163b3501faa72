import type { MatchResult, ReferenceEntity, ScoringPair, SourceEntity } from '@em/core';
import { explainPair } from '@em/local';
import type { PairModel } from './explain-case.js';

/**
 * The explanation of a fresh match's best candidate (its matched company, else the top-ranked
 * candidate), from the candidates the cascade just scored. Null when nothing was scored.
 */
export function explainPairOf(
  model: PairModel,
  source: SourceEntity,
  result: MatchResult,
  reference: (ciqId: string) => ReferenceEntity | undefined,
) {
  const target = result.matched_ciq_id ?? result.candidates[0]?.ciq_id;
  const byRank = [...result.candidates].sort((a, b) => a.rank - b.rank);
  const at = byRank.findIndex((k) => k.ciq_id === target);
  const candidate = byRank[at];
  const entity = candidate ? reference(candidate.ciq_id) : undefined;
  if (!candidate || candidate.pair_score === null || !entity) return null;
  const pair: ScoringPair = {
    source,
    candidate: { entity, score: candidate.retrieval_score, rank: candidate.rank },
    topScore: byRank[0]!.retrieval_score,
    nextScore: byRank[at + 1]?.retrieval_score ?? null,
  };
  const e = explainPair(model.artifact, model.modelVersion, pair);
  return {
    ciq_id: candidate.ciq_id,
    model_version: e.modelVersion,
    bias: e.bias,
    margin: e.margin,
    probability: e.probability,
    contributions: e.contributions,
  };
}
