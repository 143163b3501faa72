import { emptyUsage } from '../cost/sum-usage.js';
import type { Candidate } from '../ports/candidate-retriever.js';
import type { IdentifierHit, IdentifierScheme } from '../ports/reference-lookup.js';
import type { MatchMethod, MatchStage, Usage } from '../schemas/match-result.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { SourceEntity } from '../schemas/source-entity.js';
import type { Timed } from './timing.js';
import { type ValidatedIdentifiers, validatedIdentifiers } from './validated-identifiers.js';

/** What decided one entity; result building turns it into a MatchResult. */
export interface Decision {
  readonly method: MatchMethod;
  readonly stage: MatchStage;
  readonly matched: ReferenceEntity | null;
  readonly confidence: number;
  readonly reasoning: string;
  /** 'exact', 'none', or the scorer's / adjudicator's model version. */
  readonly modelVersion: string;
}

/** A candidate as the cascade carries it between stages. */
export interface WorkingCandidate extends Candidate {
  pairScore: number | null;
  readonly identifierHits: IdentifierScheme[];
}

/** One input position's state while it moves through the stages. */
export interface EntityWork extends Timed {
  readonly source: SourceEntity;
  readonly ids: ValidatedIdentifiers;
  /** Facts the reasoning must mention besides the decision (ignored identifiers, conflicts, clamps). */
  readonly notes: string[];
  hits: IdentifierHit[];
  /** Identifier hits point to two or more reference entities: never auto-match. */
  conflict: boolean;
  /** Entities that identifier hits pointed to but that were not trusted outright. */
  hitEntities: ReferenceEntity[];
  candidates: WorkingCandidate[];
  /** A retriever was asked for this entity's candidates. */
  retrieved: boolean;
  /** Model version of the scorer call that scored this entity's pairs. */
  pairModelVersion: string | null;
  decision: Decision | null;
  usage: Usage;
}

export function createWork(source: SourceEntity): EntityWork {
  const ids = validatedIdentifiers(source);
  return {
    source,
    ids,
    notes: [...ids.notes],
    hits: [],
    conflict: false,
    hitEntities: [],
    candidates: [],
    retrieved: false,
    pairModelVersion: null,
    decision: null,
    usage: emptyUsage(),
    elapsedMs: 0,
  };
}

/** Strictly below the auto-match threshold (0 when the threshold is 0: nothing can be below it). */
export const reviewCap = (autoMatchThreshold: number): number => Math.max(0, autoMatchThreshold - 0.01);

export const fmt = (x: number): string => x.toFixed(2);

export const describeEntity = (e: Pick<ReferenceEntity, 'ciq_id' | 'company_name'>): string =>
  `${e.company_name} (${e.ciq_id})`;

/** Into [0, 1]; NaN and other non-numbers become 0. */
export const clampUnit = (x: number): number =>
  Number.isNaN(x) || typeof x !== 'number' ? 0 : Math.min(1, Math.max(0, x));
