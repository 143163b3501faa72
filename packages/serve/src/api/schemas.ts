import { MatchMethod, ScoredCandidate, SourceEntity } from '@em/core';
import { z } from 'zod';

/** One record to match: a source record whose source_id / source_system may be left out. */
export const MatchRecord = SourceEntity.partial({ source_id: true, source_system: true });

export const MAX_BATCH = 1_000;

export const MatchRequest = z
  .object({
    record: MatchRecord.optional(),
    records: z.array(MatchRecord).min(1).max(MAX_BATCH).optional(),
    /** Per-feature contributions of the best candidate's pair score (default true). */
    explain: z.boolean().default(true),
    /**
     * Also keep the records: ingest them into bronze as source records and run the cascade on
     * them into gold (as `em ingest source` + `em run`). Default false: nothing is written.
     */
    write: z.boolean().default(false),
  })
  .strict()
  .refine((r) => (r.record === undefined) !== (r.records === undefined), {
    message: 'send exactly one of `record` (one object) or `records` (an array of up to 1,000)',
  })
  .refine(
    (r) =>
      !r.write ||
      [...(r.records ?? []), ...(r.record ? [r.record] : [])].every((x) => x.source_id && x.source_system),
    {
      message:
        'with `write: true` every record needs its source_id and source_system (the key gold keeps it under)',
    },
  );

export const Contribution = z.object({ feature: z.string(), value: z.number(), contribution: z.number() });

export const Explanation = z.object({
  ciq_id: z.string(),
  model_version: z.string(),
  bias: z.number().describe('log-odds every pair starts from'),
  margin: z.number().describe('bias + Σ contributions: the raw score in log-odds'),
  probability: z.number(),
  contributions: z.array(Contribution),
});

export const MatchDecision = z.object({
  source_id: z.string(),
  source_system: z.string(),
  matched_ciq_id: z.string().nullable(),
  matched_company_name: z.string().nullable(),
  match_confidence: z.number(),
  match_method: MatchMethod,
  match_stage: z.string(),
  needs_review: z.boolean(),
  auto_matched: z.boolean(),
  reasoning: z.string(),
  processing_time_ms: z.number(),
  model_version: z.string(),
  candidates: z.array(ScoredCandidate),
  explanation: Explanation.nullable(),
});

export const MatchResponse = z.object({
  results: z.array(MatchDecision),
  written: z.literal(false),
  ms: z.number(),
});

export const DecideRequest = z
  .object({
    /** The chosen reference row, or null for "no match in the reference". */
    ciq_id: z.string().min(1).nullable(),
    note: z.string().max(2_000).optional(),
  })
  .strict();

export const UndoRequestBody = z.object({ note: z.string().max(2_000).optional() }).strict();

export const DecisionRecordSchema = z.object({
  decision_id: z.string(),
  source_id: z.string(),
  source_system: z.string(),
  decided_by: z.string(),
  decided_at: z.string(),
  before_ciq_id: z.string().nullable(),
  before_confidence: z.number().nullable(),
  before_method: z.string().nullable(),
  after_ciq_id: z.string().nullable(),
  after_company_name: z.string().nullable(),
  after_confidence: z.number(),
  note: z.string().nullable(),
  undoes: z.string().nullable(),
});

export const ApiError = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
