import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { InputError } from '@em/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPredictions, loadTruth, type PredictionRow } from '../src/index.js';
import { fixture } from './fixture-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'em-eval-load-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const csvText = readFileSync(fixture('predictions.csv'), 'utf8');
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function sql(statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of statements) await connection.run(statement);
  connection.closeSync();
  instance.closeSync();
}

/** Expect an InputError whose message contains every fragment. */
async function rejectsWith(promise: Promise<unknown>, ...fragments: string[]): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(InputError.isInstance(error), `expected an InputError, got ${String(error)}`).toBe(true);
  for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
}

const CANDIDATES_TYPE = `[{"ciq_id":"VARCHAR","company_name":"VARCHAR","rank":"BIGINT","retrieval_score":"DOUBLE","pair_score":"DOUBLE"}]`;
const TYPED_SELECT = (csv: string) => `SELECT source_id, source_system, company_name, matched_ciq_id,
  CAST(match_confidence AS DOUBLE) AS match_confidence, match_method, match_stage, reasoning, matched_company_name,
  CAST(processing_time_ms AS BIGINT) AS processing_time_ms, CAST(cost_usd AS DECIMAL(10,4)) AS cost_usd,
  from_json(candidates, '${CANDIDATES_TYPE}') AS candidates,
  {'llm_calls': 0::BIGINT, 'pairs_scored': 3::BIGINT} AS usage, now() AS match_timestamp
  FROM read_csv(${q(csv)}, all_varchar=true, header=true, delim=',', quote='"', escape='"')`;

describe('loadPredictions and loadTruth read every format the same way', () => {
  let reference: PredictionRow[];
  beforeAll(async () => {
    reference = await loadPredictions(fixture('predictions.csv'));
    const csv = fixture('predictions.csv');
    await sql([
      `COPY (${TYPED_SELECT(csv)}) TO ${q(join(dir, 'p.parquet'))} (FORMAT parquet)`,
      `ATTACH ${q(join(dir, 'em.duckdb'))} AS em`,
      'CREATE SCHEMA em.gold',
      `CREATE TABLE em.gold.matched_entities AS ${TYPED_SELECT(csv)}`,
      `COPY (SELECT * FROM read_csv(${q(fixture('truth.csv'))}, all_varchar=true)) TO ${q(join(dir, 'truth.parquet'))} (FORMAT parquet)`,
      `ATTACH ${q(join(dir, 'empty.duckdb'))} AS empty`,
      'CREATE TABLE empty.t (x INTEGER)',
    ]);
    write('p.jsonl', `${reference.map((r) => JSON.stringify(r)).join('\n\n')}\n`);
  });

  it('CSV keeps leading zeros, reads JSON candidates and multi-line quoted values', () => {
    expect(reference.map((r) => r.source_id)).toEqual(['001', '002', '003', '004', '005', '006', '099']);
    expect(reference[1]!.candidates).toHaveLength(2);
    expect(reference[1]!.candidates![1]).toMatchObject({
      ciq_id: 'IQ2',
      rank: 2,
      pair_score: 0.6,
      identifier_hits: [],
    });
    expect(reference[2]!.reasoning).toBe('below threshold,\nsent to review');
    expect(reference[3]!.matched_ciq_id).toBeNull();
  });

  it.each(['p.parquet', 'em.duckdb', 'p.jsonl'])('%s gives the same rows as the CSV', async (name) => {
    const rows = await loadPredictions(join(dir, name));
    const core = (r: PredictionRow) => ({
      id: r.source_id,
      m: r.matched_ciq_id,
      c: r.match_confidence,
      t: r.processing_time_ms,
      cost: r.cost_usd,
      cand: (r.candidates ?? []).map((c) => [c.ciq_id, c.rank, c.pair_score]),
      reasoning: r.reasoning,
    });
    expect(rows.map(core)).toEqual(reference.map(core));
    if (name !== 'p.jsonl') expect(rows[0]!.usage).toMatchObject({ pairs_scored: 3 });
  });

  it('truth from CSV and Parquet agree, empty true_ciq_id is null, extra columns stay', async () => {
    const csv = await loadTruth(fixture('truth.csv'));
    const parquet = await loadTruth(join(dir, 'truth.parquet'));
    expect(parquet).toEqual(csv);
    expect(csv[2]).toMatchObject({ source_id: '003', true_ciq_id: null, hard: '0' });
  });

  it('malformed CSV: a short line is named with its line number', async () => {
    const path = write('short.csv', 'source_id,source_system,true_ciq_id\n1,crm,A\n2,crm\n');
    await rejectsWith(loadTruth(path), 'short.csv line 3', 'Expected Number of Columns: 3 Found: 2');
  });

  it('malformed CSV: an unterminated quote is named with its line number', async () => {
    const path = write('quote.csv', 'source_id,source_system,true_ciq_id\n1,crm,A\n2,crm,"B\n');
    await rejectsWith(loadTruth(path), 'quote.csv line 3');
  });

  it('bad values are all reported with file, line (counting multi-line values), field and fix', async () => {
    const path = write('bad-values.csv', csvText.replace(',0.40,', ',abc,').replace(',0.85,', ',1.5,'));
    await rejectsWith(
      loadPredictions(path),
      'bad-values.csv: 2 problems',
      'bad-values.csv line 6: match_confidence is not a number (value "abc")',
      'bad-values.csv line 8: match_confidence must be ≤ 1',
      'Fix: each prediction needs',
    );
  });

  it('a missing column names what is missing and what was found', async () => {
    const path = write(
      'no-conf.csv',
      'source_id,source_system,matched_ciq_id,match_method\n1,crm,A,exact_identifier\n',
    );
    await rejectsWith(
      loadPredictions(path),
      'no-conf.csv: missing column match_confidence',
      'found: source_id',
    );
  });

  it('duplicate keys name both lines', async () => {
    const path = write('dup.csv', 'source_id,source_system,true_ciq_id\n1,crm,A\n2,crm,B\n1,crm,C\n');
    await rejectsWith(loadTruth(path), 'dup.csv line 4: duplicate key crm/1 (first at line 2)');
  });

  it('an empty id is a problem', async () => {
    const path = write('empty-id.csv', 'source_id,source_system,true_ciq_id\n,crm,A\n');
    await rejectsWith(loadTruth(path), 'empty-id.csv line 2: source_id is empty');
  });

  it('an empty file asks for a header', async () => {
    await rejectsWith(loadTruth(write('empty.csv', '')), 'empty.csv line 1', 'header');
  });

  it('malformed JSONL names the exact line, blank lines included', async () => {
    const path = write(
      'bad.jsonl',
      '{"source_id":"1","source_system":"crm","matched_ciq_id":null,"match_confidence":0.5,"match_method":"no_match"}\n\n{"source_id": 2, oops}\n',
    );
    await rejectsWith(loadPredictions(path), 'bad.jsonl line 3: not valid JSON');
  });

  it('a file that is not Parquet, a database without the gold table, an unknown extension, a missing file', async () => {
    await rejectsWith(
      loadPredictions(write('fake.parquet', 'not parquet')),
      'fake.parquet: not a readable Parquet file',
    );
    await rejectsWith(
      loadPredictions(join(dir, 'empty.duckdb')),
      'empty.duckdb: has no readable table gold.matched_entities',
      'em run',
    );
    await rejectsWith(loadPredictions(write('p.xlsx', '')), 'p.xlsx: unknown format', '.csv');
    await rejectsWith(loadTruth(join(dir, 'nope.csv')), 'nope.csv: no such file');
    await rejectsWith(loadTruth(join(dir, 'p.jsonl')), 'unknown format');
  });
});
