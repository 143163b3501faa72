import { writeFileSync } from 'node:fs';
import { MATCH_STAGES, parseCascadeConfig, REFERENCE_COLUMNS, runCascade } from '@em/core';
import { createLlmAdjudicator } from '@em/core/adjudication';
import { createInMemoryBackends } from '@em/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleTransport } from '../src/llm/index.js';
import { openEngine } from './helpers/engine.js';
import { tempDir, toCsv } from './helpers/files.js';
import { answer, type ChatServer, type RecordedRequest, startChatServer } from './llm-chat-server.js';
import { REFERENCE, source } from './llm-fixtures.js';

let server: ChatServer;
const tmp = tempDir();
beforeAll(async () => {
  server = await startChatServer();
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});
beforeEach(() => {
  server.requests.length = 0;
});

const config = parseCascadeConfig({ llm: { enabled: true } }); // pair scores in [0.1, 0.8) go to the LLM
const sources = Array.from({ length: 20 }, (_, i) => source(`s${i}`, `Apple Holdings ${i}`));
const down = { status: 503, body: { error: { message: 'upstream unavailable' } } };
const firstCandidate = (req: RecordedRequest) =>
  answer(req.body.response_format.json_schema.schema.properties.choice.enum[0]);

function adjudicator(breakerAfter = 3) {
  return createLlmAdjudicator({
    transport: createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, maxRetries: 0 }),
    model: 'test-model',
    maxParallelCalls: 1,
    circuitBreakerFailures: breakerAfter,
  });
}

describe('the stage-4 circuit breaker', () => {
  it('stops calling a failing endpoint after K consecutive failures; the rest go to review with one reason', async () => {
    server.script([], down);
    const llm = adjudicator(3);
    const backends = { ...createInMemoryBackends(REFERENCE, { score: () => 0.5 }), adjudicator: llm };
    const rows = await runCascade(sources, backends, config);
    expect(server.requests).toHaveLength(3);
    expect(rows.every((r) => r.needs_review && r.match_stage !== MATCH_STAGES.llm)).toBe(true);
    const stopped = rows.filter((r) =>
      r.reasoning.includes('em stopped calling it for the rest of this run'),
    );
    expect(stopped).toHaveLength(17);
    expect(stopped[0]!.reasoning).toMatch(/failed for 3 cases in a row \(last: endpoint error: .*503/);
    // llm_calls counts calls that answered: none did. Failures are counted on their own.
    expect(rows.reduce((n, r) => n + r.usage.llm_calls, 0)).toBe(0);
    expect(llm.stats()).toMatchObject({ calls: 0, failedCalls: 3, failed: 20, decided: 0 });
    expect(llm.stats().circuitOpen).toContain('3 cases in a row');
  });

  it('a working reply resets the count; llm_calls counts only the calls that answered', async () => {
    // ok, fail, fail, ok, fail, fail, fail → opens after the 7th call
    server.script([firstCandidate, down, down, firstCandidate, down, down, down], down);
    const llm = adjudicator(3);
    const backends = { ...createInMemoryBackends(REFERENCE, { score: () => 0.5 }), adjudicator: llm };
    const rows = await runCascade(sources.slice(0, 10), backends, config);
    expect(server.requests).toHaveLength(7);
    expect(rows.filter((r) => r.match_stage === MATCH_STAGES.llm)).toHaveLength(2);
    expect(rows.reduce((n, r) => n + r.usage.llm_calls, 0)).toBe(2);
    expect(llm.stats()).toMatchObject({ calls: 2, failedCalls: 5, failed: 8, decided: 2 });
  });

  it('em run reports the LLM failures (successful and failed calls apart) in its run report', async () => {
    server.script([], down);
    const engine = await openEngine(tmp.file('em.duckdb'));
    try {
      writeFileSync(
        tmp.file('ref.csv'),
        toCsv(
          REFERENCE_COLUMNS,
          REFERENCE.map((r) => REFERENCE_COLUMNS.map((c) => (r[c] as string | null) ?? null)),
        ),
      );
      writeFileSync(
        tmp.file('src.csv'),
        toCsv(
          ['source_id', 'source_system', 'company_name', 'country'],
          sources.map((s) => [s.source_id, 'crm', s.company_name, 'US']),
        ),
      );
      await engine.ingest('reference', tmp.file('ref.csv'));
      await engine.ingest('source', tmp.file('src.csv'));
      const { retriever, scorer } = createInMemoryBackends(REFERENCE, { score: () => 0.5 });
      const report = await engine.run({
        config: { llm: { enabled: true } },
        backends: { retriever, scorer, adjudicator: adjudicator(4) },
      });
      expect(report.llm).toMatchObject({
        calls: 0,
        failedCalls: 4,
        failedCases: 20,
        failedBy: { endpoint: 4, circuit_open: 16 },
      });
      expect(report.llm?.circuitOpen).toContain('4 cases in a row');
      expect(report.inReview).toBe(20);
    } finally {
      await engine.close();
    }
  });
});
