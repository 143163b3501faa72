import type { ScoredCandidate } from '../schemas/match-result.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { SourceEntity } from '../schemas/source-entity.js';
import type { PortCapabilities } from './capabilities.js';

export interface AdjudicationRequest {
  readonly source: SourceEntity;
  /** Candidates with their pair-model scores, best first, with the full reference rows. */
  readonly candidates: readonly (ScoredCandidate & { readonly entity: ReferenceEntity })[];
}

export interface AdjudicationUsage {
  /** Calls that got a reply (what is billed and recorded as llm_calls). */
  readonly calls: number;
  /** HTTP calls that failed (unreachable, 5xx, timeout), counted apart from `calls`. */
  readonly failedCalls?: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export type Adjudication =
  | {
      readonly kind: 'decided';
      /** A candidate's ciq_id, or null for "none of these". */
      readonly choice: string | null;
      readonly confidence: number;
      readonly reasoning: string;
      readonly modelVersion: string;
      readonly usage: AdjudicationUsage;
    }
  | {
      /** No usable answer (bad reply twice, budget spent, timeout): the case goes to review with this reason. */
      readonly kind: 'failed';
      readonly reason: string;
      readonly usage: AdjudicationUsage;
    };

/** Stage 4: a model that reads the hard case and picks a candidate or none, with written reasoning. */
export interface Adjudicator {
  readonly capabilities: PortCapabilities;
  adjudicate(request: AdjudicationRequest): Promise<Adjudication>;
}
