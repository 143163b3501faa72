import { type SourceEntity, sourceKey } from '@em/core';
import { nameSimilarity } from '@em/core/text';
import { candidatePairs } from './candidate-pairs.js';
import { GbdtPairScorer } from './gbdt-pair-scorer.js';
import type { PairModelArtifact } from './pair-model-artifact.js';
import { foundByIdentifier, IDENTIFIER_NAME_AGREES } from './pseudo-evidence.js';
import type { GoldLabel, TrainingPairContext } from './training-pairs.js';

/** A confident match: the best candidate at least this likely, the runner-up below SELF_TRAINING_RUNNER_UP. */
export const SELF_TRAINING_MATCH = 0.95;
export const SELF_TRAINING_RUNNER_UP = 0.2;
/** A confident "no match": every candidate at most this likely. */
export const SELF_TRAINING_NONE = 0.02;

/** One source the first model decided confidently, and on what. */
export interface ConfidentDecision extends GoldLabel {
  readonly kind: 'identifier' | 'match' | 'none';
}

/** The first model's confident decisions over the sources it read (they do not depend on people's labels). */
export interface ConfidentDecisions {
  readonly sourcesRead: number;
  readonly decisions: readonly ConfidentDecision[];
}

/** What the first model decided confidently on the unlabelled sources. */
export interface SelfTrainingStats {
  readonly sourcesRead: number;
  /** Sources one valid identifier resolves to one reference row whose name agrees (stage 1 would match them). */
  readonly identifierMatches: number;
  readonly confidentMatches: number;
  readonly confidentNone: number;
  /** Sources a person labelled (review decisions, `em label` answers): their word replaces the model's. */
  readonly labelledByPeople: number;
}

/**
 * The first model's confident decisions on the unlabelled sources: a unique identifier hit
 * whose names agree; a best candidate ≥ 0.95 with the runner-up < 0.2; every candidate ≤ 0.02
 * ("no match"). Real sources in their real spelling, where the first model learnt from
 * perturbed copies of the easy ones. Uncertain sources are left out.
 */
export function confidentDecisions(
  ctx: TrainingPairContext,
  first: PairModelArtifact,
  sources: readonly SourceEntity[],
  topK: number,
): ConfidentDecisions {
  // As a run would score them (bands the first model's trust lowers stay lowered).
  const scorer = new GbdtPairScorer(first, 'first-round');
  const decisions: ConfidentDecision[] = [];
  for (const source of sources) {
    const list = candidatePairs(source, ctx.retriever.retrieveOne(source, topK), ctx.identifiers, topK);
    const byIdentifier = list.filter(foundByIdentifier);
    if (byIdentifier.length === 1) {
      // As self-supervision's evidence: an identifier whose names disagree may be another line's.
      const named = byIdentifier[0]!.candidate.entity.company_name ?? '';
      if (nameSimilarity(source.company_name ?? '', named) >= IDENTIFIER_NAME_AGREES)
        decisions.push({ source, trueCiqId: byIdentifier[0]!.candidate.entity.ciq_id, kind: 'identifier' });
      continue;
    }
    if (byIdentifier.length > 1) continue;
    let best = -1;
    let p1 = 0;
    let p2 = 0;
    list.forEach((pair, i) => {
      const p = scorer.probability(pair);
      if (p > p1) {
        p2 = p1;
        p1 = p;
        best = i;
      } else if (p > p2) p2 = p;
    });
    if (p1 >= SELF_TRAINING_MATCH && p2 < SELF_TRAINING_RUNNER_UP)
      decisions.push({ source, trueCiqId: list[best]!.candidate.entity.ciq_id, kind: 'match' });
    else if (p1 <= SELF_TRAINING_NONE) decisions.push({ source, trueCiqId: null, kind: 'none' });
  }
  return { sourcesRead: sources.length, decisions };
}

/** Self-training's labels: the confident decisions, with a person's label replacing the model's wherever there is one. */
export function selfTrainingLabels(
  decided: ConfidentDecisions,
  people: readonly GoldLabel[],
): { labels: GoldLabel[]; stats: SelfTrainingStats } {
  const byPeople = new Set(people.map((l) => sourceKey(l.source)));
  const kept = decided.decisions.filter((d) => !byPeople.has(sourceKey(d.source)));
  const count = (kind: ConfidentDecision['kind']) => kept.filter((d) => d.kind === kind).length;
  return {
    labels: [...kept.map(({ source, trueCiqId }) => ({ source, trueCiqId })), ...people],
    stats: {
      sourcesRead: decided.sourcesRead,
      identifierMatches: count('identifier'),
      confidentMatches: count('match'),
      confidentNone: count('none'),
      labelledByPeople: people.length,
    },
  };
}
