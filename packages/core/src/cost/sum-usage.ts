import type { Usage } from '../schemas/match-result.js';

/** Zero of every usage component. */
export function emptyUsage(): Usage {
  return {
    reference_lookups: 0,
    retrieval_queries: 0,
    pairs_scored: 0,
    llm_calls: 0,
    llm_prompt_tokens: 0,
    llm_completion_tokens: 0,
    compute_ms: 0,
  };
}

/** Component-wise sum, e.g. a run's total from its per-entity usage. Empty input gives zeros. */
export function sumUsage(usages: Iterable<Usage>): Usage {
  const total = emptyUsage();
  for (const usage of usages) {
    for (const key of Object.keys(total) as (keyof Usage)[]) total[key] += usage[key];
  }
  return total;
}
