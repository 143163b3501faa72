import { z } from 'zod';
import type { Runtime } from './runtime.js';

/** How every Databricks REST call is retried. One policy for the whole client. */
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

/** `Retry-After` as milliseconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowEpochMs: number = Date.now(),
): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowEpochMs);
}

/** The wait before attempt `attempt + 1` (attempt counts from 1): Retry-After when the server gave one, else jittered backoff. */
export function retryDelayMs(
  policy: HttpPolicy,
  attempt: number,
  retryAfterMs: number | null,
  runtime: Runtime,
): number {
  if (retryAfterMs !== null) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(runtime.random() * ceiling);
}
