import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, fakeEngine, removeTempDirs, tempDir } from './helpers.js';

const dir = tempDir('em-cli-run-');
afterAll(removeTempDirs);

const base = {
  runId: 'run-2',
  processed: 40,
  skippedUnchanged: 0,
  byMethod: { exact_identifier: 20, no_match: 20 },
  autoMatched: 20,
  inReview: 20,
  noMatch: 20,
  costUsd: 0,
  costPerEntity: 0,
  durationMs: 12,
  entitiesPerSecond: 750,
  abandonedRuns: 1,
};
const failingLlm = {
  calls: 3,
  failedCalls: 5,
  failedCases: 20,
  failedBy: { circuit_open: 15, endpoint: 5 },
  circuitOpen:
    'the LLM endpoint failed for 5 cases in a row (last: endpoint error: HTTP 503), so em stopped calling it for the rest of this run',
};

async function em(args: string[], report: object) {
  const io = captureIo({ cwd: dir });
  const engine = fakeEngine({ run: () => report });
  const code = await runCli([...args, '--db', 'x.duckdb'], { io, openEngine: engine.open });
  return { code, out: io.out(), err: io.err() };
}

describe('em run summary', () => {
  it('prints "LLM failed for N cases: …" with the breaker reason, and calls that answered apart from failed ones', async () => {
    const { code, out } = await em(['run'], { ...base, llm: failingLlm });
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('LLM calls: 3 answered, 5 failed');
    expect(out).toContain(
      'LLM failed for 20 cases: the LLM endpoint failed for 5 cases in a row (last: endpoint error: HTTP 503), so em stopped calling it for the rest of this run (circuit open 15, endpoint 5)',
    );
  });

  it('--strict-llm exits non-zero when the LLM failed for any case, and 0 when it did not', async () => {
    const failed = await em(['run', '--strict-llm'], { ...base, llm: failingLlm });
    expect(failed.code).not.toBe(EXIT.ok);
    expect(failed.err).toContain('--strict-llm: LLM failed for 20 cases');
    const fine = await em(['run', '--strict-llm'], {
      ...base,
      llm: { ...failingLlm, failedCalls: 0, failedCases: 0, failedBy: {}, circuitOpen: null },
    });
    expect(fine.code).toBe(EXIT.ok);
  });

  it('says when it finished an abandoned --full run', async () => {
    const { out } = await em(['run'], {
      ...base,
      resumedFullRun: { runId: 'run-1', startedAt: '2026-12-06T22:00:00.000Z', done: 300 },
    });
    expect(out).toContain(
      'Resumed the unfinished `em run --full` run-1 (started 2026-12-06T22:00:00.000Z, 300 rows done',
    );
  });
});
