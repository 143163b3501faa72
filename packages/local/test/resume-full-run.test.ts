import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import type { IndexRetriever } from '../src/retrieval/index-retriever.js';
import { tempDir } from './helpers/files.js';
import { reviewFixture } from './review-fixture.js';

const tmp = tempDir();
let engine: LocalEngine;
let retriever: IndexRetriever;
let sources: number;

beforeAll(async () => {
  ({ engine, retriever } = await reviewFixture(tmp.file('em.duckdb')));
  const [row] = await engine.query<{ sources: number }>(
    'SELECT count(*) AS sources FROM bronze.source_entities',
  );
  sources = row!.sources;
});
afterAll(async () => {
  await engine?.close();
  tmp.cleanup();
});

const config = { batchSize: 100 };
/** A --full run that stops after `batches` committed batches (as a killed process would). */
async function stoppedFullRun(batches: number, asIfKilled: boolean): Promise<string> {
  let committed = 0;
  const error = await engine
    .run({
      full: true,
      config,
      backends: { retriever },
      onBatchCommitted: () => {
        if (++committed === batches) throw new Error('stopped');
      },
    })
    .catch((e: unknown) => e);
  expect((error as Error).message).toContain('stopped');
  const [latest] = await engine.query<{ run_id: string }>(
    `SELECT run_id FROM ops.runs WHERE kind = 'match' ORDER BY started_at DESC LIMIT 1`,
  );
  // A SIGKILL leaves the run 'running'; an error leaves it 'failed'. Both must be resumed.
  const runId = latest!.run_id;
  if (asIfKilled) await engine.query(`UPDATE ops.runs SET status = 'running' WHERE run_id = $1`, [runId]);
  return runId;
}
const goldRunIds = async () =>
  engine.query<{ run_id: string; n: number }>(
    `SELECT run_id, count(*) AS n FROM gold.matched_entities GROUP BY run_id ORDER BY n DESC`,
  );

describe('an abandoned em run --full', () => {
  it.each([
    ['killed', true],
    ['failed', false],
  ])('(%s) is finished by the next plain em run, which says so', async (_, asIfKilled) => {
    const stopped = await stoppedFullRun(2, asIfKilled);
    expect((await goldRunIds()).find((r) => r.run_id === stopped)?.n).toBe(200);

    const report = await engine.run({ config, backends: { retriever } });
    expect(report.resumedFullRun).toMatchObject({ runId: stopped, done: 200 });
    expect(report.processed).toBe(sources - 200);
    // Every gold row is now from the full pass: the stopped run or its resume, nothing older.
    expect((await goldRunIds()).map((r) => r.run_id).sort()).toEqual([stopped, report.runId].sort());

    const after = await engine.run({ config, backends: { retriever } });
    expect(after.resumedFullRun).toBeUndefined();
    expect(after.processed).toBe(0);
  });

  it('a resume that is itself stopped is resumed again from the same pass', async () => {
    const first = await stoppedFullRun(1, true);
    let committed = 0;
    await engine
      .run({
        config,
        backends: { retriever },
        onBatchCommitted: () => {
          if (++committed === 2) throw new Error('stopped again');
        },
      })
      .catch(() => undefined);
    const report = await engine.run({ config, backends: { retriever } });
    expect(report.resumedFullRun?.done).toBe(300);
    expect(report.processed).toBe(sources - 300);
    expect((await goldRunIds()).map((r) => r.run_id)).toContain(first);
  });

  it('em stats lists the model versions present in gold', async () => {
    await engine.query(
      `UPDATE gold.matched_entities SET model_version = 'em-local@0.0.9/old-model'
       WHERE source_id IN (SELECT source_id FROM gold.matched_entities WHERE match_method <> 'human_review' LIMIT 7)`,
    );
    const { modelVersions } = await engine.stats();
    expect(modelVersions).toContainEqual({ model_version: 'em-local@0.0.9/old-model', rows: 7 });
    expect(modelVersions.reduce((n, v) => n + v.rows, 0)).toBe(sources);
  });
});
