import { REFERENCE_COLUMNS } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { range, referenceRow } from '../../../test/helpers/dataset.js';
import { recordsToCsv, tempDir, writeText } from '../../../test/helpers/files.js';
import { Database } from '../../db/database.js';
import { applyDdl } from '../../ddl/apply-ddl.js';
import { columnsFor } from '../entity-columns.js';
import { ingestFile } from '../ingest-file.js';
import { refreshSilver } from '../silver-normalize.js';

const tmp = tempDir();
const spec = columnsFor('reference');
let db: Database;
const silver = () =>
  db.all(`SELECT * EXCLUDE (processing_timestamp) FROM silver.normalized_reference ORDER BY ciq_id`);

beforeAll(async () => {
  db = await Database.open(':memory:');
  await applyDdl(db);
  const rows = range(300).map(referenceRow);
  // Names and identifiers normalization changes: padding, case, legal forms, bad check digits.
  rows[1] = { ...rows[1]!, company_name: '  siemens aktiengesellschaft ', lei: 'not-an-lei' };
  rows[2] = { ...rows[2]!, company_name: 'Apple "Inc", ﻿Cupertino\nCA', isin: 'us0378331005' };
  writeText(tmp.file('ref.csv'), recordsToCsv([...REFERENCE_COLUMNS], rows));
  await ingestFile(db, 'reference', tmp.file('ref.csv'));
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('refreshSilver', () => {
  it('writes the same silver rows from worker threads as on the calling thread', async () => {
    const inline = await silver();
    expect(inline).toHaveLength(300);
    await db.run('DELETE FROM silver.normalized_reference');
    const progress: number[] = [];
    const normalized = await refreshSilver(db, spec, {
      workers: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(normalized).toBe(300);
    expect(progress.at(-1)).toBe(300);
    expect(await silver()).toEqual(inline);
  });

  it('normalizes only rows whose silver row is missing or stale', async () => {
    await db.run(`UPDATE silver.normalized_reference SET content_hash = 'stale' WHERE ciq_id = 'IQ0000007'`);
    await db.run(`DELETE FROM silver.normalized_reference WHERE ciq_id = 'IQ0000008'`);
    expect(await refreshSilver(db, spec, { workers: 0 })).toBe(2);
    expect(await refreshSilver(db, spec)).toBe(0);
    expect(await silver()).toHaveLength(300);
  });
});
