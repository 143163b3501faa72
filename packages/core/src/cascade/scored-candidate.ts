import type { ScoredCandidate } from '../schemas/match-result.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { WorkingCandidate } from './entity-work.js';

/** The stored form of a candidate (the gold row's `candidates`). */
export function toScoredCandidate(c: WorkingCandidate): ScoredCandidate {
  return {
    ciq_id: c.entity.ciq_id,
    company_name: c.entity.company_name,
    rank: c.rank,
    retrieval_score: c.score,
    pair_score: c.pairScore,
    identifier_hits: [...c.identifierHits],
    channels: [...(c.channels ?? ['name'])],
  };
}

/** With the full reference row, as the adjudicator reads it. */
export function withEntity(c: WorkingCandidate): ScoredCandidate & { readonly entity: ReferenceEntity } {
  return { ...toScoredCandidate(c), entity: c.entity };
}
