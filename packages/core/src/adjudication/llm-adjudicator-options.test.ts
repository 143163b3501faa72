import { describe, expect, it } from 'vitest';
import { parseCascadeConfig } from '../config/cascade-config.js';
import { InputError } from '../errors.js';
import { llmAdjudicatorOptions } from './llm-adjudicator-options.js';

describe('config.llm and llmAdjudicatorOptions', () => {
  it('fills every llm default, also when llm is omitted', () => {
    expect(parseCascadeConfig({}).llm).toEqual({
      enabled: false,
      minPairScore: 0.1,
      maxPairScore: 0.8,
      baseUrl: null,
      model: null,
      maxConcurrency: 4,
      timeoutMs: 60_000,
      maxCompletionTokens: 512,
      temperature: 0,
      circuitBreakerFailures: 5,
      budget: {},
    });
  });

  it('reports every bad llm field at once', () => {
    const bad = () =>
      parseCascadeConfig({
        llm: { maxConcurrency: 0, budget: { maxUsd: -1, maxTokns: 5 }, baseUrl: 'nope' },
      });
    expect(bad).toThrow(InputError);
    expect(bad).toThrow(
      /4 problems[\s\S]*llm\.baseUrl[\s\S]*llm\.maxConcurrency[\s\S]*llm\.budget\.maxUsd[\s\S]*llm\.budget/,
    );
  });

  it('maps the config onto the adjudicator options; a missing model names the fix', () => {
    const config = parseCascadeConfig({
      autoMatchThreshold: 0.95,
      llm: { enabled: true, model: 'gpt-4o-mini', maxConcurrency: 8, budget: { maxUsd: 5 } },
    });
    expect(llmAdjudicatorOptions(config)).toMatchObject({
      model: 'gpt-4o-mini',
      maxParallelCalls: 8,
      timeoutMs: 60_000,
      budget: { maxUsd: 5 },
      autoMatchThreshold: 0.95,
      prices: config.prices,
    });
    expect(llmAdjudicatorOptions(config, 'override').model).toBe('override');
    expect(() => llmAdjudicatorOptions(parseCascadeConfig({}))).toThrow(/EM_LLM_MODEL/);
  });
});
