import type { AdjudicationFailureKind } from './adjudication-attempt.js';
import type { BudgetMeter } from './llm-budget.js';

/** What one adjudicator did in its run. Every case is either decided or failed: `cases = decided + failed`. */
export interface LlmAdjudicatorStats {
  readonly cases: number;
  readonly decided: number;
  readonly failed: number;
  /** Failed cases by why; `failedBy.budget` are those refused once the budget was spent. */
  readonly failedBy: Readonly<Partial<Record<AdjudicationFailureKind, number>>>;
  /** Decided from the cache, no call made (included in `decided`). */
  readonly cacheHits: number;
  /** Chat completions that got a reply (retries after a bad answer included). */
  readonly calls: number;
  /** HTTP calls that failed (unreachable, 5xx, timed out), the transport's retries included. */
  readonly failedCalls: number;
  /** Why the circuit breaker stopped calling the endpoint, or null. */
  readonly circuitOpen: string | null;
  readonly retries: number;
  readonly tokens: number;
  readonly costUsd: number;
}

export function createAdjudicatorStats(meter: BudgetMeter, circuitOpen: () => string | null = () => null) {
  let failedCalls = 0;
  let decided = 0;
  let cacheHits = 0;
  let calls = 0;
  let retries = 0;
  const failedBy: Partial<Record<AdjudicationFailureKind, number>> = {};
  return {
    decided: () => {
      decided += 1;
    },
    failed: (kind: AdjudicationFailureKind) => {
      failedBy[kind] = (failedBy[kind] ?? 0) + 1;
    },
    cacheHit: () => {
      cacheHits += 1;
    },
    called: () => {
      calls += 1;
    },
    callFailed: (n = 1) => {
      failedCalls += n;
    },
    retried: () => {
      retries += 1;
    },
    snapshot: (): LlmAdjudicatorStats => {
      const failed = Object.values(failedBy).reduce((sum, n) => sum + (n ?? 0), 0);
      const { tokens, usd } = meter.spent();
      return {
        cases: decided + failed,
        decided,
        failed,
        failedBy: { ...failedBy },
        cacheHits,
        calls,
        failedCalls,
        circuitOpen: circuitOpen(),
        retries,
        tokens,
        costUsd: usd,
      };
    },
  };
}
