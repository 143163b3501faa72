import type { Prices } from '../config/cascade-config.js';
import type { Usage } from '../schemas/match-result.js';
import { costOfUsage } from './cost-of-usage.js';
import { emptyUsage } from './sum-usage.js';

/**
 * Which recorded usage costs money where a run executes: `llm` — only calls to the LLM endpoint
 * (the embedded engine: lookup, retrieval and the pair model run on local compute, which costs
 * nothing); `all` — every metered component at its price (Databricks: Vector Search queries,
 * Model Serving, Foundation Model tokens).
 */
export type PaidUsage = 'llm' | 'all';

const LLM_FIELDS = ['llm_calls', 'llm_prompt_tokens', 'llm_completion_tokens'] as const;

/** The usage that `paid` says costs money; the rest zeroed. */
function paidPart(usage: Usage, paid: PaidUsage): Usage {
  if (paid === 'all') return usage;
  const zero = emptyUsage();
  for (const field of LLM_FIELDS) zero[field] = usage[field];
  return zero;
}

/** `cost_usd`: the money this usage spent where it ran (see PaidUsage), at the configured prices. */
export function spentCost(usage: Usage, prices: Prices, paid: PaidUsage): number {
  const cost = costOfUsage(paidPart(usage, paid), prices);
  return Number.isFinite(cost) && cost > 0 ? cost : 0;
}

/**
 * What the same usage would cost on Databricks at `prices` (every component metered): a
 * projection from recorded usage, never money spent; `em stats` and em-eval print it as such.
 */
export function databricksProjection(usage: Usage, prices: Prices): number {
  return spentCost(usage, prices, 'all');
}
