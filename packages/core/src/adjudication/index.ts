// Stage 4 policy, once for every engine: prompt, reply parsing, retries, budget, cache and
// calibration of an LLM adjudicator over any `ChatTransport`.

export type { AdjudicationFailureKind } from './adjudication-attempt.js';
export {
  type AdjudicationCache,
  adjudicationCacheKey,
  CachedAdjudication,
  createInMemoryAdjudicationCache,
} from './adjudication-cache.js';
export {
  ADJUDICATION_PROMPT_VERSION,
  adjudicationJsonSchema,
  buildAdjudicationMessages,
  NO_MATCH_CHOICE,
} from './adjudication-prompt.js';
export { createLlmAdjudicator, type LlmAdjudicatorOptions } from './llm-adjudicator.js';
export { llmAdjudicatorOptions } from './llm-adjudicator-options.js';
export type { LlmAdjudicatorStats } from './llm-adjudicator-stats.js';
export { type LlmBudget, llmCostUsd } from './llm-budget.js';
export {
  applyLlmCalibration,
  fitLlmCalibration,
  LlmCalibration,
  type LlmCalibrationSample,
  MIN_LLM_CALIBRATION_SAMPLES,
} from './llm-calibration.js';
export { adjudicatedConfidence, statedConfidenceFromReasoning } from './llm-confidence.js';
export { type ParsedAdjudicationReply, parseAdjudicationReply } from './parse-adjudication-reply.js';
