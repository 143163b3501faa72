import type { CascadeConfig } from '../config/cascade-config.js';
import { InputError } from '../errors.js';
import type { LlmAdjudicatorOptions } from './llm-adjudicator.js';

/**
 * The adjudicator's policy from the cascade config (model, concurrency, timeout, reply size,
 * budget, prices, threshold). The engine adds the transport, cache and calibration:
 * `createLlmAdjudicator({ transport, cache, calibration, ...llmAdjudicatorOptions(config) })`.
 * `model` overrides `config.llm.model` (e.g. from EM_LLM_MODEL).
 */
export function llmAdjudicatorOptions(
  config: CascadeConfig,
  model: string | null = config.llm.model,
): Omit<LlmAdjudicatorOptions, 'transport' | 'cache' | 'calibration' | 'modelVersion'> {
  if (model === null || model.trim() === '') {
    throw new InputError('The LLM stage needs a model name. Set llm.model in the config or EM_LLM_MODEL.');
  }
  const { llm } = config;
  return {
    model,
    maxParallelCalls: llm.maxConcurrency,
    timeoutMs: llm.timeoutMs,
    maxCompletionTokens: llm.maxCompletionTokens,
    temperature: llm.temperature,
    budget: llm.budget,
    circuitBreakerFailures: llm.circuitBreakerFailures,
    prices: config.prices,
    autoMatchThreshold: config.autoMatchThreshold,
  };
}
