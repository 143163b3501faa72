import { Prices } from '../config/cascade-config.js';
import { costOfUsage } from '../cost/cost-of-usage.js';
import type { AdjudicationUsage } from '../ports/adjudicator.js';
import { Usage } from '../schemas/match-result.js';

/** A per-run spending limit for stage 4: tokens (prompt + completion) and/or USD at `prices`. */
export interface LlmBudget {
  readonly maxTokens?: number | undefined;
  readonly maxUsd?: number | undefined;
}

export interface BudgetMeter {
  record(usage: AdjudicationUsage): void;
  /** Why no further call may start, or null while there is budget left. */
  exhaustedReason(): string | null;
  spent(): { readonly tokens: number; readonly usd: number };
}

const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/** USD of LLM usage at `prices` (call price plus tokens per million), via the one cost formula. */
export function llmCostUsd(usage: AdjudicationUsage, prices: Prices = Prices.parse({})): number {
  return costOfUsage(
    Usage.parse({
      llm_calls: usage.calls,
      llm_prompt_tokens: usage.promptTokens,
      llm_completion_tokens: usage.completionTokens,
    }),
    prices,
  );
}

/**
 * Counts what stage 4 spent. It is checked before each call starts, so calls already in flight
 * when the budget runs out still finish: the overshoot is at most `maxParallelCalls` calls.
 */
export function createBudgetMeter(budget: LlmBudget = {}, prices: Prices = Prices.parse({})): BudgetMeter {
  let tokens = 0;
  let usd = 0;
  return {
    record(usage) {
      tokens += usage.promptTokens + usage.completionTokens;
      usd += llmCostUsd(usage, prices);
    },
    exhaustedReason() {
      if (budget.maxTokens !== undefined && tokens >= budget.maxTokens) {
        return `LLM budget exhausted (${grouped(tokens)} tokens used of ${grouped(budget.maxTokens)})`;
      }
      if (budget.maxUsd !== undefined && usd >= budget.maxUsd) {
        return `LLM budget exhausted (USD ${usd.toFixed(4)} used of ${budget.maxUsd.toFixed(4)})`;
      }
      return null;
    },
    spent: () => ({ tokens, usd }),
  };
}
