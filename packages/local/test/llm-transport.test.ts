import { EmError } from '@em/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleTransport, LlmHttpError } from '../src/llm/index.js';
import { answer, type ChatServer, startChatServer } from './llm-chat-server.js';

let server: ChatServer;
const waits: number[] = [];
beforeAll(async () => {
  server = await startChatServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  waits.length = 0;
});

const transport = (extra: { maxRetries?: number; timeoutMs?: number; maxRetryAfterMs?: number } = {}) =>
  createOpenAiCompatibleTransport({
    baseUrl: `${server.baseUrl}/`,
    apiKey: 'sk-live-abcdef123456',
    headers: { 'x-team': 'risk' },
    maxRetries: 3,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0,
    ...extra,
  });
const ask = {
  model: 'm',
  messages: [{ role: 'user' as const, content: 'Reply in JSON.' }],
  jsonSchema: { name: 'x', schema: { type: 'object' } },
};
const formatRejected = (type: string) => ({
  status: 400,
  body: {
    error: {
      message: `Invalid parameter: 'response_format' of type '${type}' is not supported with this model.`,
    },
  },
});

describe('createOpenAiCompatibleTransport', () => {
  it('steps down json_schema → json_object → none when the endpoint rejects response_format, and remembers it', async () => {
    const t = transport();
    server.script([
      formatRejected('json_schema'),
      formatRejected('json_object'),
      answer('IQ1'),
      answer('IQ1'),
    ]);
    expect((await t.complete(ask)).content).toContain('IQ1');
    expect(server.requests.map((r) => r.body.response_format?.type ?? 'none')).toEqual([
      'json_schema',
      'json_object',
      'none',
    ]);
    expect(t.responseFormat()).toBe('none');
    await t.complete(ask);
    expect(server.requests).toHaveLength(4);
    expect(server.requests[3]!.body.response_format).toBeUndefined();
    expect(waits).toEqual([]); // a format step-down is not a retry
  });

  it('stops at json_object when the endpoint takes it', async () => {
    const t = transport();
    server.script([formatRejected('json_schema'), answer('IQ1')]);
    await t.complete(ask);
    expect(t.responseFormat()).toBe('json_object');
    expect(server.requests[1]!.body.response_format).toEqual({ type: 'json_object' });
  });

  it('sends no response_format when no schema is asked for', async () => {
    server.script([answer('IQ1')]);
    await transport().complete({ model: 'm', messages: ask.messages, temperature: 0.2, maxTokens: 64 });
    expect(server.requests[0]!.body).toEqual({
      model: 'm',
      messages: ask.messages,
      temperature: 0.2,
      max_tokens: 64,
    });
    expect(server.requests[0]!.headers['x-team']).toBe('risk');
  });

  it('retries 5xx with backoff and honours Retry-After as seconds or an HTTP date', async () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    server.script([
      { status: 503, body: { error: { message: 'overloaded' } } },
      { status: 429, headers: { 'retry-after-ms': '1500' } },
      { status: 429, headers: { 'retry-after': inAMinute } },
      answer('IQ1'),
    ]);
    await transport({ maxRetryAfterMs: 120_000 }).complete(ask);
    expect(server.requests).toHaveLength(4);
    expect(waits[0]).toBe(0); // random() = 0
    expect(waits[1]).toBe(1_500);
    expect(waits[2]).toBeGreaterThan(50_000);
    expect(waits[2]).toBeLessThanOrEqual(60_000);
  });

  it('does not wait for a Retry-After longer than the limit: fails at once, retryable', async () => {
    server.script([
      { status: 429, headers: { 'retry-after': '3600' }, body: { error: { message: 'quota' } } },
    ]);
    const error = await transport({ maxRetryAfterMs: 60_000 })
      .complete(ask)
      .catch((e: unknown) => e);
    expect(LlmHttpError.isInstance(error) && error.isRetryable).toBe(true);
    expect(String((error as Error).message)).toMatch(
      /HTTP 429: quota; Retry-After 3600000 ms is longer than 60000 ms/,
    );
    expect(waits).toEqual([]);
  });

  it('a 401 is not retried, and the key never appears in the error', async () => {
    server.script([
      { status: 401, body: { error: { message: 'Incorrect API key provided: sk-live-abcdef123456' } } },
    ]);
    const error = await transport()
      .complete(ask)
      .catch((e: unknown) => e);
    expect(EmError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'LlmHttpError', status: 401, isRetryable: false, attempts: 1 });
    expect((error as Error).message).toBe(
      `LLM endpoint POST ${server.baseUrl}/chat/completions failed: HTTP 401: Incorrect API key provided: [REDACTED]`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('a server that never answers times out per attempt and fails retryable after the retries', async () => {
    server.script(['hang', 'hang']);
    const error = await transport({ maxRetries: 1, timeoutMs: 100 })
      .complete(ask)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LlmHttpError', status: null, isRetryable: true, attempts: 2 });
    expect((error as Error).message).toMatch(/no response within 100 ms \(after 2 attempts\)$/);
  });

  it('a 200 that is not a chat completion is an error, not an empty answer', async () => {
    server.script([{ status: 200, body: { choices: 'nope' } }]);
    await expect(transport().complete(ask)).rejects.toThrow(/HTTP 200: unexpected response shape/);
  });

  it('an aborted request stops without retrying', async () => {
    const controller = new AbortController();
    controller.abort(new Error('run cancelled'));
    await expect(transport().complete({ ...ask, signal: controller.signal })).rejects.toThrow(
      'run cancelled',
    );
    expect(server.requests).toHaveLength(0);
  });
});
