// @em/core: the schemas, config, ports and the cascade every engine shares. Narrow on purpose:
// the building blocks live under subpaths — @em/core/text, /features, /cascade, /adjudication,
// /transport — and fakes plus the engine contract suites under @em/core/testing.

export type { CascadeBackends, CascadeOptions } from './cascade/cascade-types.js';
export { runCascade } from './cascade/run-cascade.js';
export { validatedIdentifiers } from './cascade/validated-identifiers.js';
export {
  CascadeConfig,
  type CascadeConfigInput,
  IdentifierTrust,
  LlmConfig,
  Prices,
  parseCascadeConfig,
} from './config/cascade-config.js';
export { DatabaseBusyError } from './database-busy-error.js';
export { EmError, InputError } from './errors.js';
export { normalizeIdentifier } from './identifiers/normalize-identifier.js';
export { normalizeCompanyName } from './normalize/normalize-company-name.js';
export type {
  Adjudication,
  AdjudicationRequest,
  AdjudicationUsage,
  Adjudicator,
  Candidate,
  CandidateRetriever,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  ChatTransport,
  IdentifierHit,
  IdentifierQuery,
  IdentifierScheme,
  MatchSink,
  PairScorer,
  PairScores,
  PendingCriteria,
  PendingCursor,
  PortCapabilities,
  ReferenceLookup,
  RunOutcome,
  RunStore,
  ScoringPair,
  UnfinishedFullRun,
  VersionedSource,
} from './ports/index.js';
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
export type { RunLlmReport, RunReport, RunStage } from './schemas/run-report.js';
export { SOURCE_COLUMNS, SourceEntity, sourceKey } from './schemas/source-entity.js';
