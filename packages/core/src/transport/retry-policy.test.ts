import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRetryableStatus, mayRetry, retryAfterMs, retryDelayMs } from './retry-policy.js';

describe('retryAfterMs', () => {
  const at = (value: string | undefined, now = 0) => retryAfterMs({ 'retry-after': value }, now);
  it('reads delta-seconds and HTTP dates, from records and from fetch Headers', () => {
    expect(at('3')).toBe(3000);
    expect(at('0.5')).toBe(500);
    expect(at('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(at('soon')).toBeNull();
    expect(at(undefined)).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), 0)).toBe(250);
  });
});

describe('retry decisions', () => {
  it('retries 408, 409, 429 and 5xx gateways only', () => {
    expect([408, 409, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422, 501].some(isRetryableStatus)).toBe(false);
  });

  it('repeats a non-idempotent request only when the server refused it unrun (429, 503)', () => {
    expect(mayRetry({ status: 500, isRetryable: true }, false)).toBe(false);
    expect(mayRetry({ status: 429, isRetryable: true }, false)).toBe(true);
    expect(mayRetry({ status: null, isRetryable: true }, true)).toBe(true);
    expect(mayRetry({ status: 400, isRetryable: false }, true)).toBe(false);
  });

  it('keeps every jittered delay within [0, min(maxDelay, base·2^(n-1))) and honours the server', () => {
    const backoff = { baseDelayMs: 500, maxDelayMs: 20_000 };
    expect(retryDelayMs(backoff, 3, 1234, () => 0.5)).toBe(1234);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const delay = retryDelayMs(backoff, retry, null, () => r);
          const ceiling = Math.min(20_000, 500 * 2 ** (retry - 1));
          return delay >= 0 && (delay < ceiling || ceiling === 0);
        },
      ),
    );
  });
});
