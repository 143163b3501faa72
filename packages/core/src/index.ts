export * from './adjudication/index.js';
export * from './cascade/index.js';
export {
  CascadeConfig,
  type CascadeConfigInput,
  IdentifierTrust,
  LlmConfig,
  Prices,
  parseCascadeConfig,
} from './config/cascade-config.js';
export * from './cost/index.js';
export * from './csv/index.js';
export { DatabaseBusyError } from './database-busy-error.js';
export * from './ditto/index.js';
export { EmError, InputError } from './errors.js';
export * from './features/index.js';
export { fnv1a, hashString, inHashFraction } from './hashing/fnv1a.js';
export * from './identifiers/index.js';
export { matchRates, ratio } from './metrics/match-rates.js';
export * from './normalize/index.js';
export * from './ports/index.js';
export { redactSecrets } from './redact-secrets.js';
export { type JobBackends, type RunMatchingJobOptions, runMatchingJob } from './runs/run-matching-job.js';
export { GOLD_STANDARD_COLUMNS, GoldStandardRow } from './schemas/gold-standard.js';
export {
  MATCH_METHODS,
  MATCH_STAGES,
  MatchMethod,
  MatchResult,
  type MatchStage,
  ScoredCandidate,
  Usage,
} from './schemas/match-result.js';
export { REFERENCE_COLUMNS, ReferenceEntity } from './schemas/reference-entity.js';
export type { RunReport } from './schemas/run-report.js';
export { SOURCE_COLUMNS, SourceEntity, sourceKey } from './schemas/source-entity.js';
export * from './similarity/index.js';
export { ApiCallError, type ApiCallErrorDetails } from './transport/api-call-error.js';
export {
  chatCompletionBody,
  type ResponseFormatMode,
  readChatCompletion,
} from './transport/openai-chat-wire.js';
export {
  type Backoff,
  type HeaderSource,
  isRetryableStatus,
  mayRetry,
  RETRYABLE_STATUSES,
  retryAfterMs,
  retryDelayMs,
} from './transport/retry-policy.js';
