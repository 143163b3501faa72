import { MATCH_STAGES, type MatchResult } from '@em/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { DuckDbMatchSink } from '../src/ports/duckdb-match-sink.js';
import { openEngine } from './helpers/engine.js';

let engine: LocalEngine;
beforeEach(async () => {
  await engine?.close();
  engine = await openEngine();
});
afterAll(() => engine.close());

const result = (id: string, over: Partial<MatchResult> = {}): MatchResult => ({
  source_id: id,
  source_system: 'CRM',
  company_name: `Company ${id}`,
  matched_ciq_id: 'IQ1',
  match_confidence: 0.95,
  match_method: 'exact_match',
  match_stage: MATCH_STAGES.exact,
  reasoning: 'Exact ISIN match',
  matched_company_name: 'Company',
  match_timestamp: '2025-01-02T03:04:05.000Z',
  processing_time_ms: 1.6,
  model_version: 'test/exact',
  needs_review: false,
  auto_matched: true,
  candidates: [
    {
      ciq_id: 'IQ1',
      company_name: 'Company',
      rank: 0,
      retrieval_score: 1,
      pair_score: null,
      identifier_hits: ['isin'],
    },
  ],
  usage: {
    reference_lookups: 1,
    retrieval_queries: 0,
    pairs_scored: 0,
    llm_calls: 0,
    llm_prompt_tokens: 0,
    llm_completion_tokens: 0,
    compute_ms: 0.5,
  },
  cost_usd: 0.00012,
  ...over,
});

const gold = () => engine.query('SELECT * FROM gold.matched_entities ORDER BY source_id');

describe('DuckDbMatchSink', () => {
  it('stores every field, and writing the same results again changes nothing', async () => {
    const sink = new DuckDbMatchSink(engine.db, { autoMatchThreshold: 0.9, runId: null });
    const batch = [
      result('a'),
      result('b', { match_confidence: 0.5, match_method: 'no_match', matched_ciq_id: null }),
    ];
    await sink.upsert(batch);
    const first = await gold();
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({
      source_id: 'a',
      match_timestamp: '2025-01-02T03:04:05.000Z',
      processing_time_ms: 2,
      needs_review: false,
      auto_matched: true,
      reference_lookups: 1,
      compute_ms: 0.5,
      cost_usd: 0.00012,
    });
    expect(JSON.parse(String(first[0]?.candidates))).toEqual(batch[0]?.candidates);
    expect(first[1]).toMatchObject({ needs_review: true, matched_ciq_id: null });
    await sink.upsert(batch);
    expect(await gold()).toEqual(first);
  });

  it('updates a machine row but never one a human decided', async () => {
    const sink = new DuckDbMatchSink(engine.db, { autoMatchThreshold: 0.9 });
    await sink.upsert([result('a'), result('h')]);
    await engine.query(
      `UPDATE gold.matched_entities SET match_method = 'human_review', matched_ciq_id = 'IQ9' WHERE source_id = 'h'`,
    );
    await sink.upsert([result('a', { matched_ciq_id: 'IQ2' }), result('h', { matched_ciq_id: 'IQ3' })]);
    const rows = await engine.query<{ source_id: string; matched_ciq_id: string }>(
      'SELECT source_id, matched_ciq_id FROM gold.matched_entities ORDER BY source_id',
    );
    expect(rows).toEqual([
      { source_id: 'a', matched_ciq_id: 'IQ2' },
      { source_id: 'h', matched_ciq_id: 'IQ9' },
    ]);
  });

  it('adds each upsert to its run in the same transaction', async () => {
    await engine.query(
      `INSERT INTO ops.runs (run_id, kind, started_at, status, rows_processed) VALUES ('r1', 'match', now(), 'running', 0)`,
    );
    const committed: number[] = [];
    const sink = new DuckDbMatchSink(engine.db, {
      autoMatchThreshold: 0.9,
      runId: 'r1',
      onCommitted: (n) => committed.push(n),
    });
    await sink.upsert([result('a'), result('b')]);
    await sink.upsert([result('c')]);
    expect(committed).toEqual([2, 1]);
    expect(await engine.query('SELECT rows_processed FROM ops.runs')).toEqual([{ rows_processed: 3 }]);
    expect(await engine.query(`SELECT DISTINCT run_id FROM gold.matched_entities`)).toEqual([
      { run_id: 'r1' },
    ]);
  });

  it('leaves gold and the run log as they were when the MERGE fails', async () => {
    await engine.query(
      `INSERT INTO ops.runs (run_id, kind, started_at, status, rows_processed) VALUES ('r1', 'match', now(), 'running', 0)`,
    );
    const sink = new DuckDbMatchSink(engine.db, { autoMatchThreshold: 0.9, runId: 'r1' });
    const broken = [result('a'), { ...result('b'), match_timestamp: 'not a time' }]; // the cast fails mid-MERGE
    await expect(sink.upsert(broken)).rejects.toThrow(/writing gold/);
    expect(await engine.query('SELECT rows_processed FROM ops.runs')).toEqual([{ rows_processed: 0 }]);
    expect(await gold()).toEqual([]);
  });
});
