import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabricksApiError, DatabricksHttp, type HttpPolicy, StaticTokenProvider } from '../src/index.js';
import { fakeRuntime } from '../src/testing/fake-runtime.js';
import { FakeServer } from '../src/testing/fake-server.js';
import { fixture, rawFixture } from '../src/testing/fixtures.js';
import { rejection } from './support/rejection.js';

let server: FakeServer;
beforeEach(async () => {
  server = await FakeServer.start();
  server.route('GET', /^\/api\/ok$/, () => ({ body: { ok: true } }));
  server.route('POST', /^\/api\/ok$/, () => ({ body: { ok: true } }));
});
afterEach(() => server.close());

function client(policy: Partial<HttpPolicy> = {}) {
  const runtime = fakeRuntime();
  const http = new DatabricksHttp({
    host: server.url,
    tokens: new StaticTokenProvider('dapi-secret-token'),
    runtime,
    policy,
  });
  return { http, runtime };
}

describe('retries', () => {
  it('honours Retry-After on 429, then succeeds', async () => {
    server.once('GET', /^\/api\/ok$/, {
      status: 429,
      headers: { 'retry-after': '7' },
      body: fixture('error-429-request-limit'),
    });
    const { http, runtime } = client();
    expect(await http.call({ method: 'GET', path: '/api/ok' })).toEqual({ ok: true });
    expect(runtime.sleeps).toEqual([7000]);
    expect(server.calls('GET', /ok/)).toHaveLength(2);
  });

  // 503 with the API gateway's text, which databricks-sdk-go (apierr/errors.go IsRetriable) retries by status.
  const unavailable = {
    status: 503,
    headers: { 'content-type': 'text/plain' },
    body: rawFixture('gateway-503-no-webapps.txt'),
  };

  it('backs off exponentially with jitter on 503 (random 0.5 → half of 500, 1000, 2000 ms)', async () => {
    const cold = unavailable;
    server.once('POST', /^\/api\/ok$/, cold, cold, cold);
    const { http, runtime } = client();
    expect(await http.call({ method: 'POST', path: '/api/ok' })).toEqual({ ok: true });
    expect(runtime.sleeps).toEqual([250, 500, 1000]);
  });

  it('gives up when the next wait would pass the budget, keeping the last error', async () => {
    server.once('GET', /^\/api\/ok$/, ...Array.from({ length: 10 }, () => unavailable));
    const { http, runtime } = client({ budgetMs: 3_000, baseDelayMs: 1_000, maxAttempts: 10 });
    const error = await rejection(http.call({ method: 'GET', path: '/api/ok' }));
    expect(DatabricksApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 503,
      errorCode: null,
      isRetryable: true,
      method: 'GET',
      path: '/api/ok',
    });
    expect(error.message).toMatch(/budget/);
    expect(runtime.sleeps.reduce((a: number, b: number) => a + b, 0)).toBeLessThan(3_000);
  });

  it('does not wait for a Retry-After longer than the budget', async () => {
    server.once('GET', /^\/api\/ok$/, {
      status: 429,
      headers: { 'retry-after': '600' },
      body: fixture('error-429-request-limit'),
    });
    const { http, runtime } = client({ budgetMs: 60_000 });
    await expect(http.call({ method: 'GET', path: '/api/ok' })).rejects.toThrow(
      /REQUEST_LIMIT_EXCEEDED.*budget/,
    );
    expect(runtime.sleeps).toEqual([]);
  });

  it('stops after maxAttempts', async () => {
    server.once(
      'GET',
      /^\/api\/ok$/,
      ...Array.from({ length: 5 }, () => ({ status: 502, body: 'Bad Gateway' })),
    );
    const { http } = client({ maxAttempts: 3 });
    const error = await rejection(http.call({ method: 'GET', path: '/api/ok' }));
    expect(error).toMatchObject({ status: 502, attempts: 3 });
    expect(server.calls('GET', /ok/)).toHaveLength(3);
  });

  it('does not repeat a non-idempotent POST after a 500', async () => {
    server.once('POST', /^\/api\/ok$/, {
      status: 500,
      body: { error_code: 'INTERNAL_ERROR', message: 'boom' },
    });
    const { http } = client();
    await expect(http.call({ method: 'POST', path: '/api/ok' })).rejects.toMatchObject({
      status: 500,
      errorCode: 'INTERNAL_ERROR',
    });
    expect(server.calls('POST', /ok/)).toHaveLength(1);
  });

  it('does not retry a 404 and reports Databricks error_code and message', async () => {
    server.route('GET', /^\/api\/missing$/, () => ({ status: 404, body: fixture('error-404-not-found') }));
    const { http } = client();
    const error = await rejection(http.call({ method: 'GET', path: '/api/missing' }));
    expect(error).toMatchObject({ status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST', isRetryable: false });
    expect(error.message).toBe(
      "Databricks GET /api/missing failed: HTTP 404 RESOURCE_DOES_NOT_EXIST: Endpoint with name 'em-ditto' does not exist.",
    );
    expect(server.calls('GET', /missing/)).toHaveLength(1);
  });
});

describe('bad replies', () => {
  it('turns malformed JSON into a typed, non-retryable error naming the request', async () => {
    server.once('GET', /^\/api\/ok$/, { status: 200, body: '{"predictions": [0.9,' });
    const { http } = client();
    const error = await rejection(http.call({ method: 'GET', path: '/api/ok' }));
    expect(error).toMatchObject({
      name: 'DatabricksApiError',
      errorCode: 'MALFORMED_RESPONSE',
      isRetryable: false,
      path: '/api/ok',
    });
  });

  it('times out a slow response and retries it', async () => {
    server.once('GET', /^\/api\/ok$/, { hang: true });
    const { http } = client({ timeoutMs: 150 });
    expect(await http.call({ method: 'GET', path: '/api/ok' })).toEqual({ ok: true });
    expect(server.calls('GET', /ok/)).toHaveLength(2);
  });

  it('reports TIMEOUT when every attempt is too slow', async () => {
    server.route('GET', /^\/api\/slow$/, () => ({ hang: true }));
    const { http } = client({ timeoutMs: 100, maxAttempts: 2 });
    await expect(http.call({ method: 'GET', path: '/api/slow' })).rejects.toMatchObject({
      status: null,
      errorCode: 'TIMEOUT',
      isRetryable: true,
      attempts: 2,
    });
  });

  it('reports a refused connection as a retryable NETWORK error', async () => {
    const url = server.url;
    await server.close();
    const http = new DatabricksHttp({
      host: url,
      tokens: null,
      runtime: fakeRuntime(),
      policy: { maxAttempts: 2 },
    });
    await expect(http.call({ method: 'GET', path: '/api/ok' })).rejects.toMatchObject({
      errorCode: 'NETWORK',
      attempts: 2,
    });
    server = await FakeServer.start();
  });
});
