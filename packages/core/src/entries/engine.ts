// @em/core/engine: what an engine takes from its caller: settings by em's one precedence
// (flag > environment > config file > default; environment passed in, never read here).
export {
  type LlmEndpoint,
  type LlmFlags,
  llmEndpoint,
  resolveLlmSettings,
  withLlmSettings,
} from '../config/llm-settings.js';
export { type Env, pickSetting, type SettingSources } from '../config/setting-precedence.js';
