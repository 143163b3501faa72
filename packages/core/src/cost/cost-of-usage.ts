// STUB (owned by the cost work): replace with the real implementation.
import type { Prices } from '../config/cascade-config.js';
import type { Usage } from '../schemas/match-result.js';

/** USD for one entity's recorded usage. */
export function costOfUsage(usage: Usage, prices: Prices): number {
  return usage.retrieval_queries * prices.retrievalQuery + usage.pairs_scored * prices.pairScored;
}
