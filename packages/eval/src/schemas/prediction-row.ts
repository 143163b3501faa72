import { ScoredCandidate, Usage } from '@em/core';
import { LEGACY_MATCH_METHODS } from '@em/core/cascade';
import { z } from 'zod';
import { idText, jsonValue, numeric, optionalNumeric, optionalText } from './coerce.js';

/** One candidate as the cascade saw it; @em/core's `ScoredCandidate`, with ids and numbers coerced. */
export const PredictionCandidate = ScoredCandidate.extend({
  ciq_id: idText,
  company_name: z.preprocess((v) => v ?? '', z.string()),
  rank: numeric.pipe(z.number().int().nonnegative()),
  retrieval_score: numeric,
  pair_score: optionalNumeric.pipe(z.number().min(0).max(1).nullable()),
  identifier_hits: jsonValue(z.array(z.enum(['lei', 'isin', 'cusip']))).transform((v) => v ?? []),
});
export type PredictionCandidate = z.output<typeof PredictionCandidate>;

/** Usage as recorded by the cascade (@em/core's `Usage`), numbers coerced; every field optional. */
export const PredictionUsage = z.object(
  Object.fromEntries(Object.keys(Usage.shape).map((k) => [k, optionalNumeric.optional()])) as Record<
    keyof Usage,
    z.ZodOptional<typeof optionalNumeric>
  >,
);
export type PredictionUsage = z.output<typeof PredictionUsage>;

/**
 * One prediction: the columns of gold.matched_entities (@em/core `MatchResult`) that
 * evaluation reads. Only the key, the matched id, the confidence and the method are
 * required, so other systems' outputs can be evaluated too.
 */
export const PredictionRow = z.object({
  source_id: idText,
  source_system: idText,
  matched_ciq_id: optionalText,
  match_confidence: numeric.pipe(z.number().min(0, 'must be ≥ 0').max(1, 'must be ≤ 1')),
  /** Names from before schema version 2 (ditto_matcher, foundation_model, …) read as today's. */
  match_method: idText.transform((m) => (LEGACY_MATCH_METHODS as Readonly<Record<string, string>>)[m] ?? m),
  match_stage: optionalText.optional(),
  processing_time_ms: optionalNumeric.pipe(z.number().nonnegative().nullable()).optional(),
  cost_usd: optionalNumeric.pipe(z.number().nonnegative().nullable()).optional(),
  reasoning: optionalText.optional(),
  company_name: optionalText.optional(),
  matched_company_name: optionalText.optional(),
  candidates: jsonValue(z.array(PredictionCandidate)).optional(),
  usage: jsonValue(PredictionUsage).optional(),
});
export type PredictionRow = z.output<typeof PredictionRow>;
/** What a caller may pass: numbers as numbers, optional fields left out. */
export type PredictionRowInput = z.input<typeof PredictionRow>;
