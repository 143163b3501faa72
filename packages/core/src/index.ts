export { ReferenceEntity } from './schemas/reference-entity.js';
export { SourceEntity, sourceKey } from './schemas/source-entity.js';
export { GoldStandardRow } from './schemas/gold-standard.js';
export {
  MATCH_METHODS,
  MATCH_STAGES,
  MatchMethod,
  MatchResult,
  ScoredCandidate,
  Usage,
  type MatchStage,
} from './schemas/match-result.js';
export * from './ports/index.js';
export { EmError, InputError } from './errors.js';
export {
  CascadeConfig,
  Prices,
  LlmConfig,
  IdentifierTrust,
  parseCascadeConfig,
  type CascadeConfigInput,
} from './config/cascade-config.js';
export * from './normalize/index.js';
export * from './identifiers/index.js';
export * from './ditto/index.js';
export * from './cost/index.js';
export * from './similarity/index.js';
export * from './cascade/index.js';
export * from './features/index.js';
export * from './adjudication/index.js';
