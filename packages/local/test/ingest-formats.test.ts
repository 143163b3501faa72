import { REFERENCE_COLUMNS } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { formatIngestReport } from '../src/ingest/ingest-report.js';
import { range, referenceRow } from './helpers/dataset.js';
import { openEngine } from './helpers/engine.js';
import { recordsToCsv, tempDir, writeText } from './helpers/files.js';

const tmp = tempDir();
const rows = range(5).map(referenceRow);
let engine: LocalEngine;

beforeAll(async () => {
  engine = await openEngine();
  writeText(tmp.file('ref.csv'), recordsToCsv(REFERENCE_COLUMNS, rows));
  writeText(tmp.file('ref.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  await engine.query(`COPY (SELECT * FROM read_csv($1, all_varchar = true)) TO $2 (FORMAT parquet)`, [
    tmp.file('ref.csv'),
    tmp.file('ref.parquet'),
  ]);
});
afterAll(async () => {
  await engine.close();
  tmp.cleanup();
});

const bronze = () =>
  engine.query(
    `SELECT * EXCLUDE (ingestion_timestamp, source_file) FROM bronze.reference_entities ORDER BY ciq_id`,
  );

describe('ingest CSV, Parquet and JSONL alike', () => {
  it('loads a CSV with line numbers and silver rows', async () => {
    const report = await engine.ingest('reference', tmp.file('ref.csv'));
    expect(report).toMatchObject({
      read: 5,
      loaded: 5,
      quarantined: 0,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      warnings: [],
    });
    expect(formatIngestReport(report)).toMatch(/read 5 = loaded 5 \+ quarantined 0/);
    const lines = await engine.query<{ ciq_id: string; source_line: number }>(
      'SELECT ciq_id, source_line FROM bronze.reference_entities ORDER BY source_line',
    );
    expect(lines.map((l) => l.source_line)).toEqual([2, 3, 4, 5, 6]);
    const silver = await engine.query<{ n: number }>('SELECT count(*) AS n FROM silver.normalized_reference');
    expect(silver[0]?.n).toBe(5);
  });

  it('finds the same content in Parquet and JSONL: every row unchanged', async () => {
    const before = await bronze();
    for (const name of ['ref.parquet', 'ref.jsonl']) {
      const report = await engine.ingest('reference', tmp.file(name));
      expect(report).toMatchObject({
        read: 5,
        loaded: 5,
        quarantined: 0,
        unchanged: 5,
        updated: 0,
        inserted: 0,
      });
    }
    expect(await bronze()).toEqual(before);
  });

  it('numbers Parquet rows and JSONL lines from 1', async () => {
    await engine.query(`DELETE FROM bronze.reference_entities`);
    await engine.ingest('reference', tmp.file('ref.parquet'));
    const parquetLines = await engine.query<{ l: number }>(
      'SELECT source_line AS l FROM bronze.reference_entities ORDER BY l',
    );
    expect(parquetLines.map((r) => r.l)).toEqual([1, 2, 3, 4, 5]);
    await engine.query(`DELETE FROM bronze.reference_entities`);
    await engine.ingest('reference', tmp.file('ref.jsonl'));
    const jsonLines = await engine.query<{ l: number }>(
      'SELECT source_line AS l FROM bronze.reference_entities ORDER BY l',
    );
    expect(jsonLines.map((r) => r.l)).toEqual([1, 2, 3, 4, 5]);
  });

  it('updates a changed row and leaves the others untouched', async () => {
    const changed = rows.map((r, i) => (i === 2 ? { ...r, company_name: 'Renamed Corp' } : r));
    const before = await engine.query<{ ciq_id: string; ingestion_timestamp: string }>(
      'SELECT ciq_id, ingestion_timestamp FROM bronze.reference_entities ORDER BY ciq_id',
    );
    writeText(tmp.file('ref2.csv'), recordsToCsv(REFERENCE_COLUMNS, changed));
    const report = await engine.ingest('reference', tmp.file('ref2.csv'));
    expect(report).toMatchObject({ read: 5, loaded: 5, updated: 1, unchanged: 4, inserted: 0 });
    const after = await engine.query<{ ciq_id: string; ingestion_timestamp: string }>(
      'SELECT ciq_id, ingestion_timestamp FROM bronze.reference_entities ORDER BY ciq_id',
    );
    expect(
      after.filter((r, i) => r.ingestion_timestamp !== before[i]?.ingestion_timestamp).map((r) => r.ciq_id),
    ).toEqual([rows[2]!.ciq_id]);
    const silver = await engine.query<{ original_name: string }>(
      'SELECT original_name FROM silver.normalized_reference WHERE ciq_id = $1',
      [rows[2]!.ciq_id],
    );
    expect(silver[0]?.original_name).toBe('Renamed Corp');
  });

  it('inserts new rows and updates changed ones in one load, into a non-empty bronze and silver', async () => {
    const before = await engine.query<{ ciq_id: string; ingestion_timestamp: string }>(
      'SELECT ciq_id, ingestion_timestamp FROM bronze.reference_entities ORDER BY ciq_id',
    );
    const next = [
      ...rows.map((r, i) => (i === 0 ? { ...r, company_name: 'Changed Again Ltd' } : r)),
      referenceRow(5),
      referenceRow(6),
    ];
    writeText(tmp.file('ref3.csv'), recordsToCsv(REFERENCE_COLUMNS, next));
    const report = await engine.ingest('reference', tmp.file('ref3.csv'));
    // (row 2 was renamed by the previous test and is back to its first name here)
    expect(report).toMatchObject({ read: 7, loaded: 7, updated: 2, unchanged: 3, inserted: 2 });
    const after = await engine.query<{ ciq_id: string; ingestion_timestamp: string }>(
      'SELECT ciq_id, ingestion_timestamp FROM bronze.reference_entities ORDER BY ciq_id',
    );
    const kept = new Map(before.map((r) => [r.ciq_id, r.ingestion_timestamp]));
    // The rows written (changed or new) carry their line in this file; the others keep theirs.
    const written = await engine.query<{ ciq_id: string; source_line: number }>(
      'SELECT ciq_id, source_line FROM bronze.reference_entities WHERE source_file = $1 ORDER BY ciq_id',
      [tmp.file('ref3.csv')],
    );
    expect(written).toEqual(
      [0, 2, 5, 6].map((i) => ({ ciq_id: referenceRow(i).ciq_id, source_line: i + 2 })),
    );
    expect(after.filter((r) => r.ingestion_timestamp !== kept.get(r.ciq_id)).map((r) => r.ciq_id)).toEqual(
      written.map((r) => r.ciq_id),
    );
    const silver = await engine.query<{ ciq_id: string; original_name: string }>(
      'SELECT ciq_id, original_name FROM silver.normalized_reference ORDER BY ciq_id',
    );
    expect(silver).toEqual(next.map((r) => ({ ciq_id: r.ciq_id, original_name: r.company_name })));
  });

  it('takes source_system from --system when the file has no such column', async () => {
    writeText(tmp.file('src.csv'), 'source_id,company_name,isin\nA1,Acme Inc,\nA2,Beta plc,\n');
    const report = await engine.ingest('source', tmp.file('src.csv'), { system: 'SAP' });
    expect(report).toMatchObject({ read: 2, loaded: 2, quarantined: 0 });
    const systems = await engine.query<{ s: string }>(
      'SELECT DISTINCT source_system AS s FROM bronze.source_entities',
    );
    expect(systems).toEqual([{ s: 'SAP' }]);
  });
});
