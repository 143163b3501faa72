import { EmError } from '@em/core';
import type { Runtime } from './runtime.js';

export interface WaitOptions {
  /** What is awaited, for the timeout message, e.g. "serving endpoint em-ditto to be READY". */
  readonly what: string;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Poll `check` until it returns a value other than undefined; `check` throws to fail fast
 * (e.g. UPDATE_FAILED). Waits use the runtime's sleep, so tests never sleep.
 */
export async function waitFor<T>(
  runtime: Runtime,
  check: () => Promise<T | undefined>,
  options: WaitOptions,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const giveUpAt = runtime.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (runtime.now() >= giveUpAt) {
      throw new EmError(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${options.what}.`, {
        isRetryable: true,
      });
    }
    await runtime.sleep(options.intervalMs ?? 10_000, options.signal);
  }
}
