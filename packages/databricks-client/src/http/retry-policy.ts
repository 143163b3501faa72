import { z } from 'zod';

/** The limits of every Databricks REST call; what is retried and how long to wait is core's transport policy. */
export const HttpPolicy = z
  .object({
    /** Per attempt: no complete response within this many ms is a TIMEOUT (retryable). */
    timeoutMs: z.number().int().positive().default(30_000),
    /** Attempts in all, the first included. */
    maxAttempts: z.number().int().min(1).max(20).default(6),
    /** Backoff before retry n is random in [0, min(maxDelayMs, baseDelayMs · 2^n)) ("full jitter"). */
    baseDelayMs: z.number().nonnegative().default(500),
    maxDelayMs: z.number().nonnegative().default(20_000),
    /** Total time for one call, retries and waits included; no retry starts that would end past it. */
    budgetMs: z.number().int().positive().default(180_000),
  })
  .strict();
export type HttpPolicy = z.output<typeof HttpPolicy>;
export type HttpPolicyInput = z.input<typeof HttpPolicy>;
