import { InputError } from '@em/core';

/** Where stage 4 sends its questions. */
export interface LlmEndpoint {
  /** Without a trailing slash, e.g. https://api.openai.com/v1. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | null;
}

const value = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/**
 * The LLM endpoint from EM_LLM_BASE_URL, EM_LLM_MODEL and EM_LLM_API_KEY, each overriding the
 * config's `llm.baseUrl` / `llm.model`. No base URL anywhere: null (stage 4 is off). A base URL
 * without a model, or one that is not an http(s) URL: InputError saying which variable to set.
 */
export function llmConfigFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  config: { readonly baseUrl?: string | null; readonly model?: string | null } = {},
): LlmEndpoint | null {
  const baseUrl = value(env.EM_LLM_BASE_URL) ?? value(config.baseUrl);
  if (baseUrl === null) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = null;
  }
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new InputError(
      `EM_LLM_BASE_URL (or llm.baseUrl) is not an http(s) URL: "${baseUrl}". ` +
        'Set it to the OpenAI-compatible API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.',
    );
  }
  const model = value(env.EM_LLM_MODEL) ?? value(config.model);
  if (model === null) {
    throw new InputError(
      'EM_LLM_BASE_URL is set but no model is: set EM_LLM_MODEL (or llm.model in the config) to the model ' +
        'name the endpoint serves, e.g. gpt-4o-mini or databricks-meta-llama-3-3-70b-instruct.',
    );
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ''), model, apiKey: value(env.EM_LLM_API_KEY) };
}
