/**
 * When and how long to retry an HTTP call, for every transport em has (Databricks REST,
 * Foundation Models, any OpenAI-compatible endpoint). Pure: the transports do the I/O.
 */

/**
 * Statuses worth another try: the request was refused before it ran (408, 409 conflict, 429),
 * the server failed (5xx), or 555: a Databricks serving endpoint scaling up from zero.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504, 555]);

export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUSES.has(status);

/**
 * Whether a failed attempt may be sent again: the failure is retryable, and either the request is
 * idempotent or the server refused it without running it (429, 503).
 */
export function mayRetry(
  failure: { status: number | null; isRetryable: boolean },
  idempotent: boolean,
): boolean {
  return failure.isRetryable && (idempotent || failure.status === 429 || failure.status === 503);
}

/** Header lookup that works for fetch's Headers and for undici's plain header records. */
export type HeaderSource =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(name: string): string | null }).get(name);
  const value = (headers as Readonly<Record<string, string | readonly string[] | undefined>>)[name];
  return (Array.isArray(value) ? value[0] : (value as string | undefined)) ?? null;
}

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * How long the server asked us to wait, in ms: `retry-after-ms` (OpenAI, Azure) first, then
 * `Retry-After` as delta-seconds or an HTTP date. Null when absent or unreadable.
 */
export function retryAfterMs(headers: HeaderSource, nowEpochMs: number): number | null {
  const ms = header(headers, 'retry-after-ms')?.trim();
  if (ms && NUMBER.test(ms)) return Math.round(Number(ms));
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return null;
  if (NUMBER.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowEpochMs);
}

/** Backoff bounds: retry n waits a random time in [0, min(maxDelayMs, baseDelayMs · 2^(n−1))) ("full jitter"). */
export interface Backoff {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** The wait before retry `retry` (1-based): what the server asked for when it said, else jittered backoff. */
export function retryDelayMs(
  backoff: Backoff,
  retry: number,
  serverAskedMs: number | null,
  random: () => number,
): number {
  if (serverAskedMs !== null) return serverAskedMs;
  return Math.floor(random() * Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (retry - 1)));
}
