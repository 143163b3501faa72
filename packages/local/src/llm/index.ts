// Stage 4 for the embedded engine: an OpenAI-compatible ChatTransport and a
// file-backed adjudication cache. Prompt, parsing and policy live in @em/core (createLlmAdjudicator).
export {
  createJsonlAdjudicationCache,
  type JsonlAdjudicationCache,
  llmCachePathFor,
} from './jsonl-adjudication-cache.js';
export { LlmHttpError } from './llm-http-error.js';
export {
  createOpenAiCompatibleTransport,
  type OpenAiCompatibleTransportOptions,
} from './openai-compatible-transport.js';
