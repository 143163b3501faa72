import { InputError } from '../errors.js';
import { type CascadeConfig, parseCascadeConfig } from './cascade-config.js';
import { type Env, pickSetting } from './setting-precedence.js';

/** The LLM endpoint settings a command line can give (`--llm-base-url`, `--llm-model`). */
export interface LlmFlags {
  readonly baseUrl?: string | undefined;
  readonly model?: string | undefined;
}

/** Where stage 4 sends its questions. */
export interface LlmEndpoint {
  /** Without a trailing slash, e.g. https://api.openai.com/v1. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | null;
}

interface LlmSettings {
  readonly baseUrl?: string | null | undefined;
  readonly model?: string | null | undefined;
}

/**
 * The LLM endpoint settings by em's one precedence: flag > EM_LLM_BASE_URL / EM_LLM_MODEL >
 * the config file's `llm.baseUrl` / `llm.model` > none (stage 4 off).
 */
export function resolveLlmSettings(
  file: LlmSettings,
  flags: LlmFlags,
  env: Env,
): { baseUrl: string | null; model: string | null } {
  return {
    baseUrl: pickSetting({ flag: flags.baseUrl, env: env.EM_LLM_BASE_URL, file: file.baseUrl }, null),
    model: pickSetting({ flag: flags.model, env: env.EM_LLM_MODEL, file: file.model }, null),
  };
}

/**
 * The config with stage 4's endpoint resolved (see resolveLlmSettings) and checked: a new parsed
 * config, the one given is left as it was. The API key is a secret and stays out of the config
 * (runs record their config): pass EM_LLM_API_KEY to the engine as its own option.
 */
export function withLlmSettings(config: CascadeConfig, flags: LlmFlags, env: Env): CascadeConfig {
  const resolved = resolveLlmSettings(config.llm, flags, env);
  if (resolved.baseUrl === config.llm.baseUrl && resolved.model === config.llm.model) return config;
  llmEndpoint(resolved, null); // a bad URL or a missing model, named with every place it can come from
  return parseCascadeConfig({ ...config, llm: { ...config.llm, ...resolved } });
}

const value = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/**
 * Stage 4's endpoint from resolved settings. No base URL: null (stage 4 is off). A base URL
 * without a model, or one that is not an http(s) URL: InputError saying where to set it.
 */
export function llmEndpoint(settings: LlmSettings, apiKey: string | null | undefined): LlmEndpoint | null {
  const baseUrl = value(settings.baseUrl);
  if (baseUrl === null) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = null;
  }
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new InputError(
      `EM_LLM_BASE_URL (or --llm-base-url, or llm.baseUrl in the config) is not an http(s) URL: "${baseUrl}". ` +
        'Set it to the OpenAI-compatible API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.',
    );
  }
  const model = value(settings.model);
  if (model === null) {
    throw new InputError(
      'EM_LLM_BASE_URL is set but no model is: set EM_LLM_MODEL (or --llm-model, or llm.model in the config) to the model ' +
        'name the endpoint serves, e.g. gpt-4o-mini or databricks-meta-llama-3-3-70b-instruct.',
    );
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ''), model, apiKey: value(apiKey) };
}
