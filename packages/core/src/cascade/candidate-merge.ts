import type { Candidate } from '../ports/candidate-retriever.js';
import type { IdentifierQuery } from '../ports/reference-lookup.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { WorkingCandidate } from './entity-work.js';
import { sharedIdentifierSchemes } from './validated-identifiers.js';

/**
 * The candidate list stages 3–4 see: the retriever's top-k (best first, duplicates of a ciq_id
 * dropped, cut to k), then every identifier-hit entity not already among them, appended with
 * rank = its position and retrieval score = the lowest retrieved score (0 when nothing was
 * retrieved). Identifier-hit entities may therefore take the list past k. Each candidate records
 * the schemes on which it shares a valid identifier with the source.
 */
export function mergeCandidates(
  retrieved: readonly Candidate[],
  hitEntities: readonly ReferenceEntity[],
  ids: IdentifierQuery,
  topK: number,
): WorkingCandidate[] {
  const seen = new Set<string>();
  const merged: WorkingCandidate[] = [];
  const add = (entity: ReferenceEntity, score: number): void => {
    if (seen.has(entity.ciq_id)) return;
    seen.add(entity.ciq_id);
    merged.push({
      entity,
      score,
      rank: merged.length,
      pairScore: null,
      identifierHits: sharedIdentifierSchemes(ids, entity),
    });
  };
  const ranked = [...retrieved].sort((a, b) => a.rank - b.rank);
  for (const candidate of ranked) {
    if (merged.length >= topK) break;
    add(candidate.entity, Number.isFinite(candidate.score) ? candidate.score : 0);
  }
  const lowest = merged.length > 0 ? Math.min(...merged.map((c) => c.score)) : 0;
  for (const entity of hitEntities) add(entity, lowest);
  return merged;
}
