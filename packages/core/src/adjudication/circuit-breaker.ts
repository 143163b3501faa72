/**
 * Stops stage 4 from calling an endpoint that is down: after `threshold` cases in a row failed
 * because the endpoint could not be reached or answered 5xx (after the transport's own retries)
 * or timed out, it opens and stays open for the rest of the run; every later case fails at once
 * with one reason instead of waiting through its own retries. Any usable reply (even a bad
 * answer) shows the endpoint works and resets the count while the breaker is still closed.
 */
export interface CircuitBreaker {
  /** Why calls stopped, or null while the breaker is closed. */
  openReason(): string | null;
  /** A reply came back (the endpoint works). */
  succeeded(): void;
  /** A case failed because the endpoint is unreachable / erroring; `reason` is the last error. */
  failed(reason: string): void;
}

/** A breaker that opens after `threshold` consecutive endpoint failures (0 = never opens). */
export function createCircuitBreaker(threshold: number): CircuitBreaker {
  let consecutive = 0;
  let open: string | null = null;
  return {
    openReason: () => open,
    succeeded: () => {
      if (open === null) consecutive = 0;
    },
    failed: (reason) => {
      consecutive += 1;
      if (open === null && threshold > 0 && consecutive >= threshold) {
        open = `the LLM endpoint failed for ${consecutive} cases in a row (last: ${reason}), so em stopped calling it for the rest of this run`;
      }
    },
  };
}
