/**
 * How long the server asked us to wait, in ms: `retry-after-ms` (OpenAI, Azure) first, then
 * `Retry-After` as delta-seconds or an HTTP date. Null when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, nowEpochMs: number = Date.now()): number | null {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowEpochMs);
}

/** "Full jitter" backoff before retry `retry` (1-based): random in [0, min(maxMs, baseMs · 2^(retry−1))). */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (retry - 1)));
}

/** Resolve after `ms`; reject with the signal's reason when it aborts first. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
