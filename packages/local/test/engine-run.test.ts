import { existsSync, rmSync } from 'node:fs';
import { InputError, REFERENCE_COLUMNS, SOURCE_COLUMNS } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { indexPathFor } from '../src/retrieval/open-index.js';
import { range, referenceRow, sourceRow } from './helpers/dataset.js';
import { openEngine, stableGold } from './helpers/engine.js';
import { recordsToCsv, tempDir, writeText } from './helpers/files.js';

const tmp = tempDir();
const N = 300;
let engine: LocalEngine;
const sources = range(N).map(sourceRow);
/** These tests are about run bookkeeping with the exact stage alone; auto-training has its own test. */
const exactOnly = { autoTrain: false } as const;

beforeAll(async () => {
  engine = await openEngine(tmp.file('em.duckdb'));
  await engine.ingest(
    'reference',
    writeText(tmp.file('ref.csv'), recordsToCsv(REFERENCE_COLUMNS, range(N).map(referenceRow))),
  );
  await engine.ingest('source', writeText(tmp.file('src.csv'), recordsToCsv(SOURCE_COLUMNS, sources)));
});
afterAll(async () => {
  await engine.close();
  tmp.cleanup();
});

describe('LocalEngine.run', () => {
  it('decides every source once: exact matches on identifiers, the rest to review', async () => {
    const report = await engine.run({ config: { batchSize: 64 }, ...exactOnly });
    expect(report).toMatchObject({
      processed: N,
      skippedUnchanged: 0,
      autoMatched: 200,
      inReview: 100,
      noMatch: 100,
    });
    expect(report.byMethod.exact_identifier).toBe(200);
    const [counts] = await engine.query<{ n: number; keys: number }>(
      'SELECT count(*) AS n, count(DISTINCT (source_id, source_system)) AS keys FROM gold.matched_entities',
    );
    expect(counts).toEqual({ n: N, keys: N });
    const wrong = await engine.query(
      `SELECT g.source_id FROM gold.matched_entities g WHERE matched_ciq_id IS NOT NULL
       AND matched_ciq_id <> 'IQ' || substr(source_id, 2)`,
    );
    expect(wrong).toEqual([]);
    const [run] = await engine.query<{ status: string; rows_processed: number }>(
      `SELECT status, rows_processed FROM ops.runs WHERE run_id = $1`,
      [report.runId],
    );
    expect(run).toEqual({ status: 'succeeded', rows_processed: N });
  });

  it('does nothing the second time, and gives an identical gold table with --full', async () => {
    const before = await stableGold(engine);
    // With nothing new the run loads no stage: the index it would open (and rebuild) is not touched.
    rmSync(indexPathFor(tmp.file('em.duckdb')));
    const again = await engine.run(exactOnly);
    expect(again).toMatchObject({ processed: 0, skippedUnchanged: N });
    expect(existsSync(indexPathFor(tmp.file('em.duckdb')))).toBe(false);
    expect(again.stages?.every((s) => !s.ran && s.detail === 'skipped: nothing new or changed')).toBe(true);
    const full = await engine.run({ full: true, config: { batchSize: 64 }, ...exactOnly });
    expect(full.processed).toBe(N);
    expect(await stableGold(engine)).toEqual(before);
  });

  it('reprocesses exactly the source row that changed', async () => {
    const changed = sources.map((s, i) => (i === 5 ? { ...s, company_name: 'Changed Name Corp' } : s));
    const ingest = await engine.ingest(
      'source',
      writeText(tmp.file('src2.csv'), recordsToCsv(SOURCE_COLUMNS, changed)),
    );
    expect(ingest).toMatchObject({ updated: 1, unchanged: N - 1 });
    const report = await engine.run(exactOnly);
    expect(report).toMatchObject({ processed: 1, skippedUnchanged: N - 1 });
    const [row] = await engine.query<{ company_name: string }>(
      `SELECT company_name FROM gold.matched_entities WHERE source_id = $1`,
      [sources[5]!.source_id],
    );
    expect(row?.company_name).toBe('Changed Name Corp');
  });

  it('keeps a human decision through later runs, with an audit row', async () => {
    const [item] = await engine.reviewQueue({ limit: 1 });
    expect(item).toBeDefined();
    await engine.decide({
      source_id: item!.source_id,
      source_system: item!.source_system,
      ciq_id: 'IQ0000001',
      decidedBy: 'ana',
      note: 'checked',
      allowNonCandidate: true,
    });
    const [none] = await engine.reviewQueue({ limit: 1 });
    await engine.decide({
      source_id: none!.source_id,
      source_system: none!.source_system,
      ciq_id: null,
      decidedBy: 'ben',
    });

    await engine.run({ full: true, ...exactOnly });
    const rows = await engine.query(
      `SELECT source_id, matched_ciq_id, match_confidence, match_method, needs_review FROM gold.matched_entities
       WHERE source_id IN ($1, $2) ORDER BY match_confidence DESC`,
      [item!.source_id, none!.source_id],
    );
    expect(rows).toEqual([
      {
        source_id: item!.source_id,
        matched_ciq_id: 'IQ0000001',
        match_confidence: 1,
        match_method: 'human_review',
        needs_review: false,
      },
      {
        source_id: none!.source_id,
        matched_ciq_id: null,
        match_confidence: 0,
        match_method: 'human_review',
        needs_review: false,
      },
    ]);
    const audit = await engine.query(
      `SELECT decided_by, before_ciq_id, before_method, after_ciq_id, note FROM gold.review_decisions ORDER BY decided_by`,
    );
    expect(audit).toEqual([
      {
        decided_by: 'ana',
        before_ciq_id: null,
        before_method: 'no_match',
        after_ciq_id: 'IQ0000001',
        note: 'chosen outside the candidates; checked',
      },
      { decided_by: 'ben', before_ciq_id: null, before_method: 'no_match', after_ciq_id: null, note: null },
    ]);
    const queue = await engine.reviewQueue();
    expect(queue).toHaveLength(98);
    expect(queue.map((q) => q.source_id)).not.toContain(item!.source_id);
  });

  it('refuses decisions on unknown rows or reference ids', async () => {
    const unknown = await engine
      .decide({ source_id: 'nope', source_system: 'CRM', ciq_id: null, decidedBy: 'x' })
      .catch((e) => e);
    expect(InputError.isInstance(unknown)).toBe(true);
    const badRef = await engine
      .decide({
        source_id: String(sources[0]!.source_id),
        source_system: 'CRM',
        ciq_id: 'IQ-missing',
        decidedBy: 'x',
      })
      .catch((e) => e);
    expect((badRef as Error).message).toMatch(/IQ-missing is not in the reference/);
  });

  it('filters the review queue', async () => {
    expect(await engine.reviewQueue({ system: 'OTHER' })).toEqual([]);
    expect(await engine.reviewQueue({ minConfidence: 0.5 })).toEqual([]);
    expect(await engine.reviewQueue({ limit: 3 })).toHaveLength(3);
  });

  it('reports stats and costs from what was recorded', async () => {
    const s = await engine.stats();
    expect(s.counts).toMatchObject({
      total_gold: N,
      matched: 201,
      in_review: 98,
      no_match: 99,
      quarantined: 0,
      source_rows: N,
    });
    expect(s.dailyStats.reduce((a, r) => a + r.match_count, 0)).toBe(N);
    expect(s.costAnalysis).toHaveLength(1);
    expect(s.costAnalysis[0]).toMatchObject({ total_entities: N });
    const [sum] = await engine.query<{ c: number }>('SELECT sum(cost_usd) AS c FROM gold.matched_entities');
    expect(s.costAnalysis[0]?.total_cost).toBeCloseTo(sum?.c ?? -1, 12);
  });

  it('exports gold as CSV, Parquet and JSONL', async () => {
    for (const ext of ['csv', 'parquet', 'jsonl']) {
      const out = tmp.file(`gold.${ext}`);
      const result = await engine.exportGold(out);
      expect(result).toEqual({ rows: N, path: out });
      const reader = ext === 'csv' ? 'read_csv' : ext === 'parquet' ? 'read_parquet' : 'read_json';
      const [back] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${reader}($1)`, [out]);
      expect(back?.n).toBe(N);
    }
    await expect(engine.exportGold(tmp.file('gold.xlsx'))).rejects.toThrow(/unknown export type/);
  });
});

describe('LocalEngine on a database without tables', () => {
  it('says to run init', async () => {
    const { LocalEngine } = await import('../src/engine.js');
    const bare = await LocalEngine.open({ dbPath: ':memory:' });
    try {
      await expect(bare.run()).rejects.toThrow(/has no em tables yet; run `em init`/);
    } finally {
      await bare.close();
    }
  });
});
