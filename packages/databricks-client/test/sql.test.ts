import { MATCH_STAGES } from '@em/core';
import { contractResult } from '@em/core/testing';
import { goldMergeSql } from '@em/sql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DatabricksMatchSink,
  DatabricksReferenceLookup,
  DatabricksSqlError,
  SqlClient,
  type SqlSession,
  type SqlValue,
} from '../src/index.js';
import { rowsFromJsonArray } from '../src/sql/statement-rows.js';
import { engineFor } from '../src/testing/engine-harness.js';
import { FakeWorkspace } from '../src/testing/fake-workspace.js';
import { fixture } from '../src/testing/fixtures.js';
import { rejection } from './support/rejection.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start({ pendingPolls: 2, chunkRows: 1 });
});
afterEach(() => ws.close());

const statements = () => ws.server.calls('POST', /^\/api\/2\.0\/sql\/statements$/);

describe('SQL Statement Execution API', () => {
  it('polls a PENDING statement, follows result chunks and types the cells', async () => {
    const engine = engineFor(ws);
    await engine.load('reference', [
      { ciq_id: 'IQ1', company_name: 'Apple Inc.', isin: 'US0378331005', lei: 'HWUPKR0MPOU8FGXBT394' },
    ]);
    const hits = await engine.lookup.lookupByIdentifiers([
      { lei: 'HWUPKR0MPOU8FGXBT394', isin: 'US0378331005', cusip: null },
    ]);
    expect(hits[0]!.map((h) => h.scheme)).toEqual(['isin', 'lei']);
    expect(ws.server.calls('GET', /\/api\/2\.0\/sql\/statements\/[^/]+$/).length).toBeGreaterThanOrEqual(2);
    expect(ws.server.calls('GET', /result\/chunks\/1$/).length).toBeGreaterThan(0);
    const post = statements().at(-1)!.body;
    expect(post).toMatchObject({
      warehouse_id: 'wh-fake',
      wait_timeout: '30s',
      on_wait_timeout: 'CONTINUE',
      disposition: 'INLINE',
      format: 'JSON_ARRAY',
    });
    expect(post.parameters).toEqual([{ name: 'queries', value: expect.any(String), type: 'STRING' }]);
  });

  it('raises DatabricksSqlError for state FAILED under HTTP 200, with the stage, code and SQL', async () => {
    ws.server.once('POST', /^\/api\/2\.0\/sql\/statements$/, {
      status: 200,
      body: fixture('sql-statement-failed'),
    });
    const engine = engineFor(ws);
    const error = await rejection(
      engine.lookup.lookupByIdentifiers([{ lei: null, isin: 'US0378331005', cusip: null }]),
    );
    expect(DatabricksSqlError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      stage: 'exact lookup',
      errorCode: 'BAD_REQUEST',
      state: 'FAILED',
      statementId: '01f0a1b2-c3d4-1e5f-9a8b-7c6d5e4f3a2c',
    });
    expect(error.message).toMatch(
      /^Databricks SQL failed while exact lookup \[BAD_REQUEST\]: \[TABLE_OR_VIEW_NOT_FOUND\]/,
    );
    expect(error.message).toMatch(/SQL: \/\* em:exact-lookup \*\/ WITH q AS/);
  });

  it('reads a trimmed real result (fixture) by the manifest columns', () => {
    const reply = fixture<any>('sql-statement-succeeded');
    expect(rowsFromJsonArray(reply.manifest.schema.columns, reply.result.data_array)).toEqual([
      { qi: 0, scheme: 'isin', market_cap: 'Mega Cap' },
      { qi: 1, scheme: 'lei', market_cap: null },
    ]);
    const merge = fixture<any>('sql-merge-succeeded');
    expect(rowsFromJsonArray(merge.manifest.schema.columns, merge.result.data_array)[0]).toMatchObject({
      num_inserted_rows: 2,
      num_updated_rows: 1,
    });
  });
});

describe('parameters are bound, never concatenated', () => {
  const evil = "O'Hara & Sons'); DROP TABLE gold.matched_entities; --";
  const values = [evil, 'SRC-7f3a9c', 'CRM-x91', 'LEI-ish ZZ', 'IQ-evil-42'];

  it('no user value appears in any SQL text em sends', async () => {
    const engine = engineFor(ws);
    await engine.init({ statements: ['CREATE SCHEMA IF NOT EXISTS entity_matching.gold'] });
    await engine.load('reference', [{ ciq_id: 'IQ-evil-42', company_name: evil, isin: 'US0378331005' }]);
    await engine.load('source', [
      {
        source_id: 'SRC-7f3a9c',
        source_system: 'CRM-x91',
        company_name: evil,
        isin: 'US0378331005',
        ticker: 'LEI-ish ZZ',
      },
    ]);
    await engine.lookup.lookupByIdentifiers([{ lei: null, isin: 'US0378331005', cusip: null }]);
    await new DatabricksMatchSink(engine.sql, { autoMatchThreshold: 0.9, runId: 'run-1' }).upsert([
      contractResult('SRC-7f3a9c', {
        source_system: 'CRM-x91',
        company_name: evil,
        matched_ciq_id: 'IQ-evil-42',
        reasoning: evil,
      }),
    ]);
    await engine.run({
      config: { llm: { enabled: false } },
      backends: { retriever: undefined, scorer: undefined },
    });
    expect(statements().length).toBeGreaterThan(8);
    for (const request of statements()) {
      for (const value of values) expect(request.body.statement).not.toContain(value);
    }
    const bound = statements()
      .flatMap((r) => r.body.parameters.map((p: { value?: string }) => p.value ?? ''))
      .join('\n');
    for (const value of values) expect(bound).toContain(JSON.stringify(value).slice(1, -1));
  });

  it('sends NULL as a parameter without a value, and types numbers and booleans', async () => {
    const engine = engineFor(ws);
    await engine.query('/* em:run-finish */ UPDATE x SET a = :a', {
      run_id: 'r',
      status: 'failed',
      rows_read: 3,
      rows_processed: 2.5,
      message: null,
      ok: true,
    } as Record<string, SqlValue>);
    expect(statements().at(-1)!.body.parameters).toEqual([
      { name: 'run_id', value: 'r', type: 'STRING' },
      { name: 'status', value: 'failed', type: 'STRING' },
      { name: 'rows_read', value: '3', type: 'BIGINT' },
      { name: 'rows_processed', value: '2.5', type: 'DOUBLE' },
      { name: 'message', type: 'STRING' },
      { name: 'ok', value: 'true', type: 'BOOLEAN' },
    ]);
  });
});

describe('the SqlSession subset (what the @databricks/sql Thrift driver provides)', () => {
  it('drives any session with executeStatement(sql, { namedParameters }) → fetchAll/close', async () => {
    const seen: { sql: string; params: Record<string, SqlValue> }[] = [];
    let closed = 0;
    const session: SqlSession = {
      executeStatement: async (sql, { namedParameters }) => {
        seen.push({ sql, params: namedParameters });
        return {
          fetchAll: async () => [
            {
              qi: 1,
              scheme: 'isin',
              value: 'US0378331005',
              ciq_id: 'IQ1',
              company_name: 'Apple Inc.',
              market_cap: null,
            },
          ],
          close: async () => {
            closed++;
          },
        };
      },
    };
    const lookup = new DatabricksReferenceLookup(new SqlClient(async () => session, 'main'));
    const none = { lei: null, isin: null, cusip: null };
    const hits = await lookup.lookupByIdentifiers([none, { ...none, isin: 'us 0378331005' }]);
    expect(hits[1]![0]).toMatchObject({
      scheme: 'isin',
      entity: { ciq_id: 'IQ1', company_name: 'Apple Inc.', ticker: null },
    });
    expect(JSON.parse(String(seen[0]!.params.queries))).toEqual([
      { qi: 1, lei: null, isin: 'US0378331005', cusip: null },
    ]);
    expect(seen[0]!.sql).toContain('main.silver.normalized_reference');
    expect(closed).toBe(1);
  });

  it('opens a lazy session once, and again after a failed open', async () => {
    let opens = 0;
    const sql = new SqlClient(async () => {
      opens++;
      if (opens === 1) throw new Error('warehouse starting');
      return { executeStatement: async () => ({ fetchAll: async () => [], close: async () => undefined }) };
    }, 'c');
    await expect(sql.all('SELECT 1', {}, 'probing')).rejects.toThrow(/while probing.*warehouse starting/);
    await sql.all('SELECT 1', {}, 'probing');
    await sql.all('SELECT 1', {}, 'probing');
    expect(opens).toBe(2);
  });
});

describe('gold MERGE text', () => {
  const sql = goldMergeSql({ dialect: 'databricks', catalog: 'my-catalog' });
  it('is keyed on (source_id, source_system), protects human decisions, and quotes the catalog', () => {
    expect(sql).toContain('MERGE INTO `my-catalog`.gold.matched_entities AS t');
    expect(sql).toContain('ON t.source_id = s.source_id AND t.source_system = s.source_system');
    expect(sql).toContain("WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET");
    expect(sql).not.toMatch(/needs_review|auto_matched\b/);
    expect(sql).toContain("from_json(:rows, 'ARRAY<STRUCT<`source_id`: STRING");
  });

  it('sends one row per key (Delta rejects duplicate keys in a MERGE source)', async () => {
    const engine = engineFor(ws);
    const sink = new DatabricksMatchSink(engine.sql, { autoMatchThreshold: 0.9 });
    await sink.upsert([
      contractResult('a', { match_stage: MATCH_STAGES.exact }),
      contractResult('a', { matched_ciq_id: 'IQ2' }),
    ]);
    const rows = JSON.parse(statements().at(-1)!.body.parameters[0].value);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      matched_ciq_id: 'IQ2',
      processing_time_ms: 12,
      compute_ms: 3.5,
      auto_match_threshold: 0.9,
    });
  });
});

describe('loading bronze', () => {
  it('validates every row first and names the bad ones; nothing is sent', async () => {
    const engine = engineFor(ws);
    const error = await rejection(
      engine.load('source', [
        { source_id: 'a', source_system: 'CRM', company_name: 'X' },
        { source_id: 'b', source_system: 'CRM', company_name: '' },
      ]),
    );
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /1 source row\(s\) are invalid; nothing was loaded.*\n {2}row 2: company_name:/,
    );
    expect(statements()).toHaveLength(0);
  });

  it('sends each key once (last row wins) and leaves unchanged rows alone on a re-load', async () => {
    const engine = engineFor(ws);
    const rows = [
      { ciq_id: 'IQ1', company_name: 'Old' },
      { ciq_id: 'IQ1', company_name: 'New' },
      { ciq_id: 'IQ2', company_name: 'Two' },
    ];
    expect(await engine.load('reference', rows)).toMatchObject({
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      normalized: 2,
    });
    expect(await engine.load('reference', rows)).toMatchObject({
      rows: 2,
      inserted: 0,
      updated: 0,
      unchanged: 2,
      normalized: 0,
    });
    expect(ws.warehouse.bronze.reference.get('IQ1')?.company_name).toBe('New');
  });
});
