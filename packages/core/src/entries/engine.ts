// @em/core/engine: the engine port (MatchingEngine), and settings by em's one precedence
// (flag > environment > config file > default; environment passed in, never read here).
export {
  type LlmEndpoint,
  type LlmFlags,
  llmEndpoint,
  resolveLlmSettings,
  withLlmSettings,
} from '../config/llm-settings.js';
export { type Env, pickSetting, type SettingSources } from '../config/setting-precedence.js';
// The port both engines implement, and the error for what one of them cannot do.
export { EngineOperationUnsupportedError } from '../engine-operation-unsupported-error.js';
export type {
  EngineInitOptions,
  EngineInitReport,
  EngineRunOptions,
  EngineShapes,
  EntityKind,
  MatchingEngine,
  ReviewKey,
} from '../ports/matching-engine.js';
