import type { Prices } from '../config/cascade-config.js';
import type { Usage } from '../schemas/match-result.js';

/** USD per usage component; the values add up to `costOfUsage`. Keys are the `Usage` fields. */
export type CostBreakdown = { readonly [K in keyof Usage]: number };

const MS_PER_HOUR = 3_600_000;
const TOKENS_PER_PRICE_UNIT = 1_000_000;

/** What each recorded usage component cost under `prices`. */
export function costBreakdown(usage: Usage, prices: Prices): CostBreakdown {
  return {
    reference_lookups: usage.reference_lookups * prices.referenceLookup,
    retrieval_queries: usage.retrieval_queries * prices.retrievalQuery,
    pairs_scored: usage.pairs_scored * prices.pairScored,
    llm_calls: usage.llm_calls * prices.llmCall,
    llm_prompt_tokens: (usage.llm_prompt_tokens / TOKENS_PER_PRICE_UNIT) * prices.llmPromptPerMillionTokens,
    llm_completion_tokens:
      (usage.llm_completion_tokens / TOKENS_PER_PRICE_UNIT) * prices.llmCompletionPerMillionTokens,
    compute_ms: (usage.compute_ms / MS_PER_HOUR) * prices.computePerHour,
  };
}

/**
 * USD for recorded usage: lookups, retrieval queries, scored pairs and LLM calls at their unit
 * prices, LLM tokens per million, compute time per hour. The sum of `costBreakdown`.
 */
export function costOfUsage(usage: Usage, prices: Prices): number {
  const parts = costBreakdown(usage, prices);
  let total = 0;
  for (const key of Object.keys(parts) as (keyof Usage)[]) total += parts[key];
  return total;
}
