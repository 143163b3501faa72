import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseCascadeConfig } from './cascade-config.js';
import { llmEndpoint, resolveLlmSettings, withLlmSettings } from './llm-settings.js';

describe('llmEndpoint', () => {
  it('no base URL: the LLM stage is off', () => {
    expect(llmEndpoint({}, null)).toBeNull();
    expect(llmEndpoint({ model: 'gpt-4o-mini', baseUrl: '  ' }, 'k')).toBeNull();
  });

  it('base URL (trailing slash dropped), model and key', () => {
    expect(llmEndpoint({ baseUrl: 'http://localhost:11434/v1/', model: 'llama3.1' }, 'k-123')).toEqual({
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: 'k-123',
    });
    expect(llmEndpoint({ baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' }, ' ')).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: null,
    });
  });

  it('a base URL without a model is an InputError naming EM_LLM_MODEL and the flag', () => {
    expect(() => llmEndpoint({ baseUrl: 'https://api.openai.com/v1' }, null)).toThrow(InputError);
    expect(() => llmEndpoint({ baseUrl: 'https://api.openai.com/v1' }, null)).toThrow(
      /set EM_LLM_MODEL \(or --llm-model/,
    );
  });

  it('a base URL that is not http(s) is an InputError naming EM_LLM_BASE_URL', () => {
    expect(() => llmEndpoint({ baseUrl: 'localhost:8080', model: 'm' }, null)).toThrow(
      /EM_LLM_BASE_URL .* is not an http\(s\) URL/,
    );
  });
});

describe('LLM settings precedence: flag > env > config file > default', () => {
  const file = { baseUrl: 'https://file.example/v1', model: 'file-model' };
  const env = { EM_LLM_BASE_URL: 'https://env.example/v1', EM_LLM_MODEL: 'env-model' };
  const flags = { baseUrl: 'https://flag.example/v1', model: 'flag-model' };

  it('each source wins over the ones below it', () => {
    expect(resolveLlmSettings(file, flags, env)).toEqual(flags);
    expect(resolveLlmSettings(file, {}, env)).toEqual({ baseUrl: env.EM_LLM_BASE_URL, model: 'env-model' });
    expect(resolveLlmSettings(file, {}, {})).toEqual(file);
    expect(resolveLlmSettings({}, {}, {})).toEqual({ baseUrl: null, model: null });
    // Blank environment values are unset; settings mix sources independently.
    expect(resolveLlmSettings(file, { model: 'flag-model' }, { EM_LLM_BASE_URL: ' ' })).toEqual({
      baseUrl: file.baseUrl,
      model: 'flag-model',
    });
  });

  it('withLlmSettings returns a new parsed config and leaves the given one as it was', () => {
    const config = parseCascadeConfig({ llm: file });
    const resolved = withLlmSettings(config, { model: 'flag-model' }, env);
    expect(resolved.llm).toMatchObject({ baseUrl: env.EM_LLM_BASE_URL, model: 'flag-model' });
    expect(config.llm).toMatchObject(file);
    expect(Object.isFrozen(resolved.llm)).toBe(true);
    expect(parseCascadeConfig(resolved)).toBe(resolved);
    expect(withLlmSettings(config, {}, {})).toBe(config);
  });

  it('a bad URL from any source is an InputError before anything runs', () => {
    expect(() => withLlmSettings(parseCascadeConfig({}), { baseUrl: 'ftp://x' }, {})).toThrow(InputError);
  });
});
