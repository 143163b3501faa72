import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmError } from '../errors.js';
import type { AdjudicationRequest } from '../ports/adjudicator.js';
import type { ChatRequest, ChatResponse, ChatTransport } from '../ports/chat-transport.js';
import { ENTITIES, sourceEntity } from '../testing/reference-fixtures.js';
import { createInMemoryAdjudicationCache } from './adjudication-cache.js';
import { createLlmAdjudicator } from './llm-adjudicator.js';
import { fitLlmCalibration } from './llm-calibration.js';

const request: AdjudicationRequest = {
  source: sourceEntity('s1', 'Apple'),
  candidates: [
    {
      ciq_id: 'IQ1',
      company_name: 'Apple Inc.',
      rank: 0,
      retrieval_score: 0.5,
      pair_score: 0.6,
      identifier_hits: [],
      entity: ENTITIES.apple,
    },
    {
      ciq_id: 'IQ5',
      company_name: 'Apple Hospitality REIT',
      rank: 1,
      retrieval_score: 0.33,
      pair_score: 0.4,
      identifier_hits: [],
      entity: ENTITIES.hospitality,
    },
  ],
};

type Reply = Partial<ChatResponse> | Error | 'hang';
const reply = (content: string, extra: Partial<ChatResponse> = {}): Partial<ChatResponse> => ({
  content,
  ...extra,
});
const json = (choice: string, confidence = 0.95, reasoning = 'ticker agrees') =>
  reply(JSON.stringify({ choice, confidence, reasoning }));

/** A transport that answers from a script and records what it was asked. */
function scripted(replies: Reply[]): ChatTransport & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    requests,
    complete: async (req) => {
      requests.push(req);
      const next = replies.shift() ?? new Error('script ran out');
      if (next === 'hang') return new Promise<ChatResponse>(() => {}); // ignores the signal on purpose
      if (next instanceof Error) throw next;
      return {
        content: '',
        refusal: null,
        finishReason: 'stop',
        usage: { promptTokens: 500, completionTokens: 100 },
        model: 'm-2025',
        ...next,
      };
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createLlmAdjudicator', () => {
  it('asks once with a strict schema over the candidate ids and caps an uncalibrated answer', async () => {
    const transport = scripted([json('IQ5', 0.97)]);
    const adj = createLlmAdjudicator({ transport, model: 'm', maxParallelCalls: 3 });
    const out = await adj.adjudicate(request);
    expect(out).toMatchObject({
      kind: 'decided',
      choice: 'IQ5',
      modelVersion: 'm-2025',
      usage: { calls: 1, promptTokens: 500, completionTokens: 100 },
    });
    expect(out.kind === 'decided' && out.confidence).toBeCloseTo(0.89, 10);
    expect(out.kind === 'decided' && out.reasoning).toBe(
      'ticker agrees [LLM stated confidence 0.970; uncalibrated, capped at 0.89 for review]',
    );
    const sent = transport.requests[0]!;
    expect(sent.jsonSchema?.schema).toMatchObject({
      properties: { choice: { enum: ['IQ1', 'IQ5', 'none'] } },
    });
    expect(sent.messages.at(-1)!.content).toMatch(
      /\[IQ1\] name="Apple Inc\."[\s\S]*\[IQ5\] name="Apple Hospitality REIT"/,
    );
    expect(adj.capabilities).toEqual({ maxBatchSize: 1, maxParallelCalls: 3 });
    expect(adj.stats()).toMatchObject({ cases: 1, decided: 1, failed: 0, calls: 1, tokens: 600 });
  });

  it('retries a choice outside the candidates once, telling the model why', async () => {
    const transport = scripted([json('IQ2'), json('IQ1', 0.5)]);
    const out = await createLlmAdjudicator({ transport, model: 'm' }).adjudicate(request);
    expect(out).toMatchObject({
      kind: 'decided',
      choice: 'IQ1',
      confidence: 0.5,
      usage: { calls: 2, promptTokens: 1000 },
    });
    const retry = transport.requests[1]!.messages;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[3]!.content).toMatch(/not among the candidates \(IQ1, IQ5\).*"IQ1", "IQ5" or "none"/);
  });

  it('fails after two bad replies, with the last reason and all usage', async () => {
    const adj = createLlmAdjudicator({ transport: scripted([reply('no idea'), json('IQ9')]), model: 'm' });
    const out = await adj.adjudicate(request);
    expect(out).toEqual({
      kind: 'failed',
      reason: 'model chose "IQ9", which is not among the candidates (IQ1, IQ5) (after 2 attempts)',
      usage: { calls: 2, promptTokens: 1000, completionTokens: 200 },
    });
    expect(adj.stats()).toMatchObject({ failed: 1, failedBy: { invalid_choice: 1 }, retries: 1 });
  });

  it('a refusal or an empty reply is retried and then fails', async () => {
    const refused = await createLlmAdjudicator({
      transport: scripted([reply('', { refusal: 'I cannot help' }), reply('', { refusal: 'Still no' })]),
      model: 'm',
    }).adjudicate(request);
    expect(refused).toMatchObject({ kind: 'failed', reason: 'model refused: "Still no" (after 2 attempts)' });
    const empty = await createLlmAdjudicator({
      transport: scripted([reply(''), reply('  ', { finishReason: 'length' })]),
      model: 'm',
    }).adjudicate(request);
    expect(empty).toMatchObject({
      kind: 'failed',
      reason: 'empty reply (finish_reason length) (after 2 attempts)',
    });
  });

  it('a call past its deadline is abandoned even if the transport ignores the signal', async () => {
    vi.useFakeTimers();
    const transport = scripted(['hang', 'hang']);
    const pending = createLlmAdjudicator({ transport, model: 'm', timeoutMs: 5_000 }).adjudicate(request);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await pending).toEqual({
      kind: 'failed',
      reason: 'no reply within 5000 ms (after 2 attempts)',
      // calls counts the calls that answered; the two timed-out ones are failedCalls
      usage: { calls: 0, failedCalls: 2, promptTokens: 0, completionTokens: 0 },
    });
    expect(transport.requests.every((r) => r.signal?.aborted)).toBe(true);
  });

  it('a retryable endpoint error the transport gave up on fails the case at once; others stop the run', async () => {
    const tooMany = Object.assign(new EmError('HTTP 429 after 3 attempts', { isRetryable: true }), {
      status: 429,
    });
    const transport = scripted([tooMany]);
    expect(await createLlmAdjudicator({ transport, model: 'm' }).adjudicate(request)).toMatchObject({
      kind: 'failed',
      reason: 'endpoint error: HTTP 429 after 3 attempts',
      usage: { calls: 0, failedCalls: 1 },
    });
    expect(transport.requests).toHaveLength(1);
    const badKey = Object.assign(new EmError('HTTP 401: invalid key'), { status: 401 });
    await expect(
      createLlmAdjudicator({ transport: scripted([badKey]), model: 'm' }).adjudicate(request),
    ).rejects.toThrow('invalid key');
  });

  it('once the token budget is spent, remaining cases fail with the reason and no call', async () => {
    const transport = scripted([json('IQ1'), json('IQ1'), json('IQ1')]);
    const adj = createLlmAdjudicator({ transport, model: 'm', budget: { maxTokens: 1_000 } });
    const outs = [];
    for (let i = 0; i < 3; i++) outs.push(await adj.adjudicate(request));
    expect(outs.map((o) => o.kind)).toEqual(['decided', 'decided', 'failed']);
    expect(outs[2]).toEqual({
      kind: 'failed',
      reason: 'LLM budget exhausted (1,200 tokens used of 1,000)',
      usage: { calls: 0, promptTokens: 0, completionTokens: 0 },
    });
    expect(transport.requests).toHaveLength(2);
    expect(adj.stats()).toMatchObject({ cases: 3, decided: 2, failedBy: { budget: 1 } });
  });

  it('a USD budget uses the prices', async () => {
    const prices = {
      referenceLookup: 0,
      retrievalQuery: 0,
      pairScored: 0,
      llmCall: 0.01,
      llmPromptPerMillionTokens: 0,
      llmCompletionPerMillionTokens: 0,
      computePerHour: 0,
    };
    const adj = createLlmAdjudicator({
      transport: scripted([json('IQ1')]),
      model: 'm',
      budget: { maxUsd: 0.01 },
      prices,
    });
    await adj.adjudicate(request);
    expect(await adj.adjudicate(request)).toMatchObject({
      kind: 'failed',
      reason: 'LLM budget exhausted (USD 0.0100 used of 0.0100)',
    });
    expect(adj.stats().costUsd).toBeCloseTo(0.01, 12);
  });

  it('a cached answer costs nothing on a re-run and is calibrated on read', async () => {
    const cache = createInMemoryAdjudicationCache();
    await createLlmAdjudicator({ transport: scripted([json('IQ5', 0.97)]), model: 'm', cache }).adjudicate(
      request,
    );
    const calibration = fitLlmCalibration(
      Array.from({ length: 40 }, () => ({ statedConfidence: 0.97, correct: true })),
    );
    const transport = scripted([]);
    const rerun = createLlmAdjudicator({ transport, model: 'm', cache, calibration });
    const out = await rerun.adjudicate(request);
    expect(out).toMatchObject({
      kind: 'decided',
      choice: 'IQ5',
      usage: { calls: 0, promptTokens: 0, completionTokens: 0 },
    });
    expect(out.kind === 'decided' && out.confidence).toBeCloseTo(41 / 42, 10);
    expect(transport.requests).toHaveLength(0);
    expect(rerun.stats()).toMatchObject({ cacheHits: 1, decided: 1, calls: 0 });
    // Another model is another key.
    const other = createLlmAdjudicator({ transport: scripted([json('IQ1')]), model: 'other', cache });
    expect(await other.adjudicate(request)).toMatchObject({ choice: 'IQ1', usage: { calls: 1 } });
  });

  it('fails a case with no candidates without calling', async () => {
    const transport = scripted([]);
    const out = await createLlmAdjudicator({ transport, model: 'm' }).adjudicate({
      ...request,
      candidates: [],
    });
    expect(out).toMatchObject({ kind: 'failed', reason: 'no candidates to choose from' });
    expect(transport.requests).toHaveLength(0);
  });
});
