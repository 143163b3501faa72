import { REFERENCE_COLUMNS } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { readReferenceRows } from '../src/model/local-backends.js';
import { readReferenceStore } from '../src/reference/read-reference-store.js';
import { DEFAULT_NAME_INDEX_OPTIONS } from '../src/retrieval/name-index-options.js';
import { referenceFingerprint } from '../src/retrieval/reference-fingerprint.js';
import { range, referenceRow } from './helpers/dataset.js';
import { openEngine } from './helpers/engine.js';
import { recordsToCsv, tempDir, writeText } from './helpers/files.js';

const tmp = tempDir();
let engine: LocalEngine;

beforeAll(async () => {
  engine = await openEngine();
  // More than two DuckDB chunks (2,048 rows) and one store page (4,096), with empty fields.
  const rows = range(5000).map((i) => ({
    ...referenceRow(i),
    ...(i % 7 === 0 ? { ticker: '', sector: null } : {}),
  }));
  writeText(tmp.file('ref.csv'), recordsToCsv(REFERENCE_COLUMNS, rows));
  await engine.ingest('reference', tmp.file('ref.csv'));
  // Values holding the characters the page strings use as separator and NULL mark (written
  // straight to bronze: ingest may refuse control characters) and empty strings.
  await engine.query(
    `INSERT INTO bronze.reference_entities (ciq_id, company_name, ticker, industry, sector, ingestion_timestamp, content_hash)
     VALUES ('IQ9000001', 'Odd\u001eName AG', '', '\u001f', 'a\u001fb', now(), 'x'),
            ('IQ9000002', 'Plain AG', 'PL', '', NULL, now(), 'y')`,
  );
});
afterAll(async () => {
  await engine.close();
  tmp.cleanup();
});

describe('readReferenceStore', () => {
  it('holds the rows readReferenceRows parses, in the same order, with the same fingerprint, odd characters too', async () => {
    const rows = await readReferenceRows((sql) => engine.query(sql));
    const store = await readReferenceStore((sql, params) => engine.query(sql, params));
    expect(store.length).toBe(rows.length);
    for (let d = 0; d < rows.length; d++) expect(store.row(d)).toEqual(rows[d]);
    // One page per query: two slices, the odd values in the second.
    const sliced = await readReferenceStore((sql, params) => engine.query(sql, params), 1);
    for (let d = 0; d < rows.length; d++) expect(sliced.row(d)).toEqual(rows[d]);
    expect(referenceFingerprint(store, DEFAULT_NAME_INDEX_OPTIONS)).toBe(
      referenceFingerprint(rows, DEFAULT_NAME_INDEX_OPTIONS),
    );
  });
});
