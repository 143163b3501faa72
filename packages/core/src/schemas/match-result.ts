import { z } from 'zod';

export const MATCH_METHODS = [
  'exact_match',
  'vector_search',
  'ditto_matcher',
  'foundation_model',
  'human_review',
  'no_match',
] as const;
export const MatchMethod = z.enum(MATCH_METHODS);
export type MatchMethod = z.output<typeof MatchMethod>;

/** The stage that decided a record, as stored in `match_stage`. */
export const MATCH_STAGES = {
  exact: 'Stage 1: Exact Match',
  retrieval: 'Stage 2: Candidate Retrieval',
  pairModel: 'Stage 3: Pair Model',
  llm: 'Stage 4: LLM Adjudication',
  human: 'Human Review',
} as const;
export type MatchStage = (typeof MATCH_STAGES)[keyof typeof MATCH_STAGES];

/** A reference candidate as the cascade saw it: retrieval rank and score, then the pair model's probability. */
export const ScoredCandidate = z.object({
  ciq_id: z.string(),
  company_name: z.string(),
  rank: z.number().int().nonnegative(),
  retrieval_score: z.number(),
  pair_score: z.number().min(0).max(1).nullable(),
  /** Identifier schemes on which source and candidate agree, e.g. ["isin"]. */
  identifier_hits: z.array(z.enum(['lei', 'isin', 'cusip'])).default([]),
  /** Candidate channels that found it: 'name', 'ticker', 'isin', a blocking key's name, … */
  channels: z.array(z.string()).optional(),
});
export type ScoredCandidate = z.output<typeof ScoredCandidate>;

/** What one entity consumed; prices turn it into money (see cost-math). */
export const Usage = z.object({
  reference_lookups: z.number().nonnegative().default(0),
  retrieval_queries: z.number().nonnegative().default(0),
  pairs_scored: z.number().nonnegative().default(0),
  llm_calls: z.number().nonnegative().default(0),
  llm_prompt_tokens: z.number().nonnegative().default(0),
  llm_completion_tokens: z.number().nonnegative().default(0),
  compute_ms: z.number().nonnegative().default(0),
});
export type Usage = z.output<typeof Usage>;

/** One row of gold.matched_entities: exactly one per source record. */
export const MatchResult = z.object({
  source_id: z.string(),
  source_system: z.string(),
  company_name: z.string(),
  matched_ciq_id: z.string().nullable(),
  match_confidence: z.number().min(0).max(1),
  match_method: MatchMethod,
  match_stage: z.string(),
  reasoning: z.string(),
  matched_company_name: z.string().nullable(),
  match_timestamp: z.string(),
  processing_time_ms: z.number().nonnegative(),
  model_version: z.string(),
  needs_review: z.boolean(),
  auto_matched: z.boolean(),
  candidates: z.array(ScoredCandidate),
  usage: Usage,
  cost_usd: z.number().nonnegative(),
  /** The version (content hash) of the source record this result decided, when the run knew it. */
  source_version: z.string().optional(),
});
export type MatchResult = z.output<typeof MatchResult>;
