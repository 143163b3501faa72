import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MATCH_STAGES, parseCascadeConfig, runCascade } from '@em/core';
import { createLlmAdjudicator } from '@em/core/adjudication';
import { createInMemoryBackends } from '@em/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createJsonlAdjudicationCache,
  createOpenAiCompatibleTransport,
  llmCachePathFor,
} from '../src/llm/index.js';
import { answer, type ChatServer, type RecordedRequest, startChatServer } from './llm-chat-server.js';
import { REFERENCE, source } from './llm-fixtures.js';

let server: ChatServer;
let dir: string;
beforeAll(async () => {
  server = await startChatServer();
  dir = await mkdtemp(join(tmpdir(), 'em-llm-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
});

const config = parseCascadeConfig({ llm: { enabled: true } }); // pair scores in [0.1, 0.8) go to the LLM
const sources = Array.from({ length: 6 }, (_, i) => source(`s${i}`, `Apple Holdings ${i}`));
/** The model always picks the first candidate it was offered (458 tokens a call). */
const firstCandidate = (req: RecordedRequest) =>
  answer(req.body.response_format.json_schema.schema.properties.choice.enum[0]);

function run(options: { maxTokens?: number; cachePath?: string }) {
  const adjudicator = createLlmAdjudicator({
    transport: createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, maxRetries: 0 }),
    model: 'test-model',
    maxParallelCalls: 1,
    budget: options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens },
    ...(options.cachePath && { cache: createJsonlAdjudicationCache(options.cachePath) }),
  });
  const backends = { ...createInMemoryBackends(REFERENCE, { score: () => 0.5 }), adjudicator };
  return { adjudicator, results: runCascade(sources, backends, config) };
}

describe('stage 4 inside runCascade', () => {
  it('a budget that runs out mid-run sends the remaining cases to review with the reason; counts reconcile', async () => {
    server.script([], firstCandidate);
    const { adjudicator, results } = run({ maxTokens: 1_000 });
    const rows = await results;
    const decided = rows.filter((r) => r.match_stage === MATCH_STAGES.llm);
    const budgetFailed = rows.filter((r) =>
      r.reasoning.startsWith('LLM adjudication failed: LLM budget exhausted'),
    );
    // 458 tokens a call: the third call takes the run past 1,000; cases 4–6 are refused.
    expect(decided).toHaveLength(3);
    expect(budgetFailed).toHaveLength(3);
    expect(budgetFailed[0]!.reasoning).toMatch(
      /^LLM adjudication failed: LLM budget exhausted \(1,374 tokens used of 1,000\); sent to review\./,
    );
    expect(budgetFailed.every((r) => r.needs_review && !r.auto_matched && r.usage.llm_calls === 0)).toBe(
      true,
    );
    const stats = adjudicator.stats();
    expect(stats).toMatchObject({
      cases: 6,
      decided: 3,
      failed: 3,
      failedBy: { budget: 3 },
      calls: 3,
      tokens: 1_374,
    });
    expect(decided.length + budgetFailed.length).toBe(stats.cases);
    expect(server.requests).toHaveLength(stats.calls);
    expect(rows.reduce((sum, r) => sum + r.usage.llm_calls, 0)).toBe(stats.calls);
    expect(rows.reduce((sum, r) => sum + r.usage.llm_prompt_tokens + r.usage.llm_completion_tokens, 0)).toBe(
      stats.tokens,
    );
  });

  it('a re-run over the JSONL cache makes no HTTP call and gives the same answers at zero usage', async () => {
    const cachePath = llmCachePathFor(join(dir, 'em.duckdb'));
    server.script([], firstCandidate);
    const first = await run({ cachePath }).results;
    expect(server.requests).toHaveLength(6);
    expect(first.every((r) => r.match_stage === MATCH_STAGES.llm && r.usage.llm_calls === 1)).toBe(true);

    await appendFile(cachePath, '{"key":"cut short by a cr'); // a crash mid-write is ignored
    server.requests.length = 0;
    const again = run({ cachePath });
    const second = await again.results;
    expect(server.requests).toHaveLength(0);
    expect(second.map((r) => [r.matched_ciq_id, r.match_confidence, r.reasoning])).toEqual(
      first.map((r) => [r.matched_ciq_id, r.match_confidence, r.reasoning]),
    );
    expect(second.every((r) => r.usage.llm_calls === 0 && r.usage.llm_prompt_tokens === 0)).toBe(true);
    expect(again.adjudicator.stats()).toMatchObject({ cacheHits: 6, calls: 0 });
    const reread = createJsonlAdjudicationCache(cachePath);
    await reread.get('anything');
    expect([reread.size(), reread.skippedLines()]).toEqual([6, 1]);
  });
});
