import type { CascadeConfig } from '../config/cascade-config.js';
import type { IdentifierHit, IdentifierQuery, ReferenceLookup } from '../ports/reference-lookup.js';
import { MATCH_STAGES } from '../schemas/match-result.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import { nameSimilarity } from '../similarity/index.js';
import { type Decision, describeEntity, type EntityWork, fmt } from './entity-work.js';
import { mapBatches } from './map-batches.js';
import { callStage, describeBatch, expectLength } from './stage-error.js';
import { type Clock, timedCall, timedEach } from './timing.js';
import {
  hasIdentifier,
  IDENTIFIER_SCHEMES,
  identifierQuery,
  sharedIdentifierSchemes,
} from './validated-identifiers.js';

/** What stage 1 concluded for one source. */
export type IdentifierOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact'; readonly decision: Decision }
  /** One entity, but its name disagrees with the source: it becomes a candidate for stages 2–3. */
  | { readonly kind: 'untrusted'; readonly entities: readonly ReferenceEntity[]; readonly note: string }
  /** Two or more entities: all become candidates, and the result can never auto-match. */
  | { readonly kind: 'conflict'; readonly entities: readonly ReferenceEntity[]; readonly note: string };

const label = (hit: IdentifierHit): string => hit.scheme.toUpperCase();
const schemeOrder = (hit: IdentifierHit): number => IDENTIFIER_SCHEMES.indexOf(hit.scheme);

/** Decide stage 1 for one source from its lookup hits (pure). */
export function routeIdentifierHits(
  sourceName: string,
  ids: IdentifierQuery,
  hits: readonly IdentifierHit[],
  config: Pick<CascadeConfig, 'identifierTrust'>,
): IdentifierOutcome {
  // Only hits on identifiers we actually asked about count, once per (scheme, entity).
  const seen = new Set<string>();
  const ordered = hits
    .filter((h) => ids[h.scheme] !== null)
    .filter((h) => {
      const key = `${h.scheme}\u0000${h.entity.ciq_id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => schemeOrder(a) - schemeOrder(b));
  if (ordered.length === 0) return { kind: 'none' };

  const entities = new Map<string, ReferenceEntity>();
  for (const hit of ordered)
    if (!entities.has(hit.entity.ciq_id)) entities.set(hit.entity.ciq_id, hit.entity);
  if (entities.size >= 2) {
    const pairs = ordered.map((h) => `${label(h)} → ${describeEntity(h.entity)}`).join(', ');
    return { kind: 'conflict', entities: [...entities.values()], note: `identifier conflict: ${pairs}` };
  }

  const entity = ordered[0]!.entity;
  const similarity = nameSimilarity(sourceName, entity.company_name);
  const schemes = ordered.map(label).join(' + ');
  const values =
    ordered.length === 1 ? ordered[0]!.value : ordered.map((h) => `${label(h)} ${h.value}`).join(', ');
  if (similarity >= config.identifierTrust.minNameSimilarity) {
    return {
      kind: 'exact',
      decision: {
        method: 'exact_identifier',
        stage: MATCH_STAGES.exact_identifier,
        matched: entity,
        confidence: 1,
        reasoning: `Exact ${schemes} match (${values}); name similarity ${fmt(similarity)}`,
        modelVersion: 'exact',
      },
    };
  }
  return {
    kind: 'untrusted',
    entities: [entity],
    note: `${schemes} hit ${describeEntity(entity)} but names disagree (similarity ${fmt(similarity)})`,
  };
}

/** Stage 1 for a batch: look up every source that has a valid identifier, then route each. */
export async function runIdentifierStage(
  works: readonly EntityWork[],
  lookup: ReferenceLookup,
  config: CascadeConfig,
  clock: Clock,
  signal?: AbortSignal,
): Promise<void> {
  const queried = works.filter((w) => hasIdentifier(w.ids));
  await mapBatches(
    queried,
    lookup.capabilities,
    (batch) =>
      callStage(
        'lookup',
        describeBatch(batch.length),
        () =>
          timedCall(clock, batch, async () => {
            const hits = await lookup.lookupByIdentifiers(batch.map((w) => identifierQuery(w.ids)));
            expectLength('Reference lookup', hits, batch.length, 'query');
            batch.forEach((w, i) => {
              w.hits = hits[i] ?? [];
            });
          }),
        signal,
      ),
    signal,
  );
  timedEach(clock, queried, (work) => {
    work.usage.reference_lookups = 1;
    const outcome = routeIdentifierHits(work.source.company_name, work.ids, work.hits, config);
    if (outcome.kind === 'exact') {
      const entity = outcome.decision.matched!;
      const identifierHits = sharedIdentifierSchemes(work.ids, entity);
      work.decision = outcome.decision;
      work.candidates = [
        { entity, rank: 0, score: 0, pairScore: null, identifierHits, channels: identifierHits },
      ];
    } else if (outcome.kind !== 'none') {
      work.hitEntities = [...outcome.entities];
      work.conflict = outcome.kind === 'conflict';
      work.notes.push(outcome.note);
    }
  });
}
