import { describe, expect, it } from 'vitest';
import { Prices } from '../config/cascade-config.js';
import { Usage } from '../schemas/match-result.js';
import { costOfUsage } from './cost-of-usage.js';
import { databricksProjection, spentCost } from './spent-cost.js';

const prices = Prices.parse({
  llmCall: 0.002,
  llmPromptPerMillionTokens: 3,
  llmCompletionPerMillionTokens: 15,
});
const usage = Usage.parse({
  reference_lookups: 1,
  retrieval_queries: 1,
  pairs_scored: 10,
  llm_calls: 1,
  llm_prompt_tokens: 1_000,
  llm_completion_tokens: 200,
  compute_ms: 50,
});

describe('spent cost and the Databricks projection', () => {
  it('books only the LLM call on the embedded engine, at the configured prices (per call and per token)', () => {
    expect(spentCost(usage, prices, 'llm')).toBeCloseTo(0.002 + (1_000 * 3) / 1e6 + (200 * 15) / 1e6, 12);
  });

  it('books nothing for a run that called no LLM (local compute is free)', () => {
    expect(
      spentCost({ ...usage, llm_calls: 0, llm_prompt_tokens: 0, llm_completion_tokens: 0 }, prices, 'llm'),
    ).toBe(0);
  });

  it('projects every metered component for Databricks, the same as a run there spends', () => {
    expect(databricksProjection(usage, prices)).toBe(costOfUsage(usage, prices));
    expect(spentCost(usage, prices, 'all')).toBe(costOfUsage(usage, prices));
    expect(databricksProjection(usage, prices)).toBeGreaterThan(spentCost(usage, prices, 'llm'));
  });
});
