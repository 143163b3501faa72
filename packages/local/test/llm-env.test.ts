import { InputError } from '@em/core';
import { describe, expect, it } from 'vitest';
import { llmConfigFromEnv } from '../src/llm/index.js';

describe('llmConfigFromEnv', () => {
  it('no base URL: the LLM stage is off', () => {
    expect(llmConfigFromEnv({})).toBeNull();
    expect(llmConfigFromEnv({ EM_LLM_MODEL: 'gpt-4o-mini', EM_LLM_BASE_URL: '  ' })).toBeNull();
  });

  it('reads base URL (trailing slash dropped), model and key; env wins over config', () => {
    const env = {
      EM_LLM_BASE_URL: 'http://localhost:11434/v1/',
      EM_LLM_MODEL: 'llama3.1',
      EM_LLM_API_KEY: 'k-123',
    };
    expect(llmConfigFromEnv(env, { model: 'other' })).toEqual({
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: 'k-123',
    });
    expect(llmConfigFromEnv({}, { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' })).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: null,
    });
  });

  it('a base URL without a model is an InputError naming EM_LLM_MODEL', () => {
    expect(() => llmConfigFromEnv({ EM_LLM_BASE_URL: 'https://api.openai.com/v1' })).toThrow(InputError);
    expect(() => llmConfigFromEnv({ EM_LLM_BASE_URL: 'https://api.openai.com/v1' })).toThrow(
      /set EM_LLM_MODEL/,
    );
  });

  it('a base URL that is not http(s) is an InputError naming EM_LLM_BASE_URL', () => {
    expect(() => llmConfigFromEnv({ EM_LLM_BASE_URL: 'localhost:8080', EM_LLM_MODEL: 'm' })).toThrow(
      /EM_LLM_BASE_URL .* is not an http\(s\) URL/,
    );
  });
});
