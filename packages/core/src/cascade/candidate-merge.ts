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
 * the schemes on which it shares a valid identifier with the source, and every channel that
 * found it (a retriever's own channels, 'name' for a plain retriever, the identifier schemes).
 * Only the name channel is cut to k: rows other channels found are each a reason to look.
 */
export function mergeCandidates(
  retrieved: readonly Candidate[],
  hitEntities: readonly ReferenceEntity[],
  ids: IdentifierQuery,
  topK: number,
): WorkingCandidate[] {
  const seen = new Set<string>();
  const merged: WorkingCandidate[] = [];
  const add = (entity: ReferenceEntity, score: number, found: readonly string[]): void => {
    if (seen.has(entity.ciq_id)) return;
    seen.add(entity.ciq_id);
    const identifierHits = sharedIdentifierSchemes(ids, entity);
    merged.push({
      entity,
      score,
      rank: merged.length,
      pairScore: null,
      identifierHits,
      channels: [...new Set([...found, ...identifierHits])],
    });
  };
  const ranked = [...retrieved].sort((a, b) => a.rank - b.rank);
  let named = 0;
  for (const candidate of ranked) {
    // Top-k of the name channel; rows other channels found are kept whatever their rank.
    const byName = candidate.channels === undefined || candidate.channels.includes('name');
    if ((byName && named >= topK) || seen.has(candidate.entity.ciq_id)) continue;
    if (byName) named++;
    add(
      candidate.entity,
      Number.isFinite(candidate.score) ? candidate.score : 0,
      candidate.channels ?? ['name'],
    );
  }
  const lowest = merged.length > 0 ? Math.min(...merged.map((c) => c.score)) : 0;
  for (const entity of hitEntities) add(entity, lowest, []);
  return merged;
}
