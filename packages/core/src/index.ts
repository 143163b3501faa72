export * from './adjudication/index.js';
export * from './alerts/index.js';
export * from './cascade/index.js';
export {
  BLOCKING_COLUMNS,
  type BlockingKeyPart,
  blockingKeyParts,
  blockingKeyProblem,
  DERIVED_KEYS,
} from './config/blocking-key-parts.js';
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
export * from './identifiers/index.js';
export * from './normalize/index.js';
export * from './ports/index.js';
export { seededRandom } from './random/seeded-random.js';
export { redactSecrets } from './redact-secrets.js';
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
export * from './similarity/index.js';
