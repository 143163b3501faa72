/**
 * One vocabulary for the cascade's stages. Each stage has one neutral id (no vendor or product
 * name): it keys `MATCH_STAGES` (the label stored in match_stage), it is the match_method of a
 * match that stage made, and the cost projection names its line with it.
 */
export const STAGE_IDS = ['exact_identifier', 'retrieval', 'pair_model', 'llm', 'human_review'] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** The stage that decided a record, as stored in `match_stage`, by stage id. */
export const MATCH_STAGES = {
  exact_identifier: 'Stage 1: Exact Match',
  retrieval: 'Stage 2: Candidate Retrieval',
  pair_model: 'Stage 3: Pair Model',
  llm: 'Stage 4: LLM Adjudication',
  human_review: 'Human Review',
} as const satisfies Record<StageId, string>;
export type MatchStage = (typeof MATCH_STAGES)[StageId];

/** What decided a record, as stored in `match_method`: the stage that matched it, or no_match. */
export const MATCH_METHODS = [...STAGE_IDS, 'no_match'] as const;

/**
 * match_method names stored before schema version 2 and the name each has now
 * (sql/migrations/002_neutral_method_names.sql rewrites them in a database; em-eval reads
 * prediction files that still carry them).
 */
export const LEGACY_MATCH_METHODS = {
  exact_match: 'exact_identifier',
  vector_search: 'retrieval',
  ditto_matcher: 'pair_model',
  foundation_model: 'llm',
} as const;

/** The stage id a match_method belongs to (legacy names included); null for no_match and unknown names. */
export function stageOfMethod(method: string): StageId | null {
  const current = (LEGACY_MATCH_METHODS as Record<string, StageId>)[method] ?? method;
  return (STAGE_IDS as readonly string[]).includes(current) ? (current as StageId) : null;
}
