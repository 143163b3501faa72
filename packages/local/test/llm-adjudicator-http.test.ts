import { createLlmAdjudicator } from '@em/core/adjudication';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleTransport } from '../src/llm/index.js';
import { answer, type ChatServer, completion, startChatServer } from './llm-chat-server.js';
import { hardCase } from './llm-fixtures.js';

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

const adjudicator = (opts: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createLlmAdjudicator({
    transport: createOpenAiCompatibleTransport({
      baseUrl: server.baseUrl,
      apiKey: 'sk-test-secret-key',
      maxRetries: opts.maxRetries ?? 2,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    }),
    model: 'test-model',
    timeoutMs: opts.timeoutMs ?? 10_000,
  });

describe('LLM adjudicator over a chat-completions server', () => {
  it('happy path: sends every candidate with a strict json_schema, records choice, reasoning and usage', async () => {
    server.script([answer('IQ1', 0.8, 'same ticker AAPL')]);
    const out = await adjudicator().adjudicate(hardCase);
    expect(out).toMatchObject({
      kind: 'decided',
      choice: 'IQ1',
      confidence: 0.8,
      modelVersion: 'test-model-2025',
      usage: { calls: 1, promptTokens: 420, completionTokens: 38 },
    });
    expect(out.kind === 'decided' && out.reasoning).toMatch(
      /^same ticker AAPL \[LLM stated confidence 0\.800/,
    );
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBe('Bearer sk-test-secret-key');
    expect(req!.body).toMatchObject({ model: 'test-model', temperature: 0, max_tokens: 512 });
    expect(req!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'entity_match_adjudication',
        strict: true,
        schema: { properties: { choice: { enum: ['IQ1', 'IQ5', 'none'] } } },
      },
    });
    const prompt = req!.body.messages.at(-1).content as string;
    expect(prompt).toContain('[IQ1] name="Apple Inc." ticker="AAPL"');
    expect(prompt).toContain('[IQ5] name="Apple Hospitality REIT" ticker="APLE"');
  });

  it('a choice outside the candidates is retried once, then fails with the reason', async () => {
    server.script([answer('IQ999'), answer('IQ7')]);
    const out = await adjudicator().adjudicate(hardCase);
    expect(out).toEqual({
      kind: 'failed',
      reason: 'model chose "IQ7", which is not among the candidates (IQ1, IQ5) (after 2 attempts)',
      usage: { calls: 2, promptTokens: 840, completionTokens: 76 },
    });
    expect(server.requests).toHaveLength(2);
  });

  it('malformed JSON is retried then fails; a fenced JSON reply is read fine', async () => {
    server.script([completion('{"choice": "IQ1", "confidence": '), completion('The answer is IQ1.')]);
    const bad = await adjudicator().adjudicate(hardCase);
    expect(bad).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^reply is not a JSON object: .*\(after 2 attempts\)$/),
    });
    server.script([
      completion('Here you go:\n```json\n{"choice": "IQ5", "confidence": 0.6, "reasoning": "REIT",}\n```'),
    ]);
    expect(await adjudicator().adjudicate(hardCase)).toMatchObject({
      kind: 'decided',
      choice: 'IQ5',
      confidence: 0.6,
    });
  });

  it('a refusal and an empty reply are retried, then fail', async () => {
    server.script([
      completion(null, { refusal: 'I can’t assist with that.' }),
      completion(null, { refusal: 'No.' }),
    ]);
    expect(await adjudicator().adjudicate(hardCase)).toMatchObject({
      kind: 'failed',
      reason: 'model refused: "No." (after 2 attempts)',
    });
    server.script([completion(null), completion('', { finishReason: 'length' })]);
    expect(await adjudicator().adjudicate(hardCase)).toMatchObject({
      kind: 'failed',
      reason: 'empty reply (finish_reason length) (after 2 attempts)',
    });
  });

  it('a 429 with Retry-After is retried after the wait the server asked for, then succeeds', async () => {
    server.script([
      { status: 429, headers: { 'retry-after': '7' }, body: { error: { message: 'Rate limit reached' } } },
      answer('IQ1'),
    ]);
    expect(await adjudicator().adjudicate(hardCase)).toMatchObject({
      kind: 'decided',
      choice: 'IQ1',
      usage: { calls: 1 },
    });
    expect(waits).toEqual([7_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('a 429 that outlasts the retries fails the case with the reason (jittered backoff without Retry-After)', async () => {
    const limited = {
      status: 429,
      body: { error: { message: 'Rate limit reached for sk-test-secret-key' } },
    };
    server.script([limited, limited, limited]);
    const out = await adjudicator({ maxRetries: 2 }).adjudicate(hardCase);
    expect(out).toMatchObject({ kind: 'failed' });
    expect(out.kind === 'failed' && out.reason).toMatch(
      /^endpoint error: LLM endpoint POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions failed: HTTP 429: Rate limit reached for \[REDACTED\] \(after 3 attempts\)$/,
    );
    expect(waits).toEqual([250, 500]); // random 0.5 × 500 · 2^n
  });

  it('a server that never answers: the call times out, is retried once, then fails; nothing hangs', async () => {
    server.script(['hang', 'hang']);
    const out = await adjudicator({ timeoutMs: 200, maxRetries: 0 }).adjudicate(hardCase);
    expect(out).toEqual({
      kind: 'failed',
      reason: 'no reply within 200 ms (after 2 attempts)',
      usage: { calls: 0, failedCalls: 2, promptTokens: 0, completionTokens: 0 },
    });
    expect(server.requests).toHaveLength(2);
  });
});
