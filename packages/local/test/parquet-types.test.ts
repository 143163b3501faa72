import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { openEngine } from './helpers/engine.js';
import { tempDir } from './helpers/files.js';

const tmp = tempDir();
let engine: LocalEngine;
beforeEach(async () => {
  await engine?.close();
  engine = await openEngine();
});
afterAll(async () => {
  await engine.close();
  tmp.cleanup();
});

/** A Parquet file written by DuckDB from a SELECT (typed columns, as pandas/pyarrow would write them). */
const parquet = async (name: string, select: string) => {
  const file = tmp.file(name);
  await engine.query(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  return file;
};

describe('Parquet columns that are not text', () => {
  it('a DOUBLE CUSIP (1e+20) is refused with the fix, and nothing is loaded', async () => {
    const file = await parquet(
      'double.parquet',
      `SELECT 'IQ1' AS ciq_id, 'Apple Inc.' AS company_name, 1e20::DOUBLE AS cusip, true AS isin`,
    );
    await expect(engine.ingest('reference', file)).rejects.toThrow(
      /double\.parquet: identifier columns cusip \(DOUBLE\), isin \(BOOLEAN\) must be text: .* Write them as strings/,
    );
    const [row] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM bronze.reference_entities');
    expect(row!.n).toBe(0);
  });

  it('other non-text columns are read as text with a warning; market_cap may be a number', async () => {
    const file = await parquet(
      'mixed.parquet',
      `SELECT 'IQ1' AS ciq_id, 'Apple Inc.' AS company_name, DATE '2024-01-02' AS industry, 3.2e12::DOUBLE AS market_cap, 37833100::BIGINT AS cusip`,
    );
    const report = await engine.ingest('reference', file);
    expect(report).toMatchObject({ read: 1, loaded: 1 });
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'mixed.parquet: column industry has type DATE, not text; it was read as text.',
        expect.stringContaining('column cusip has type BIGINT, not text; it was read as text (leading zeros'),
      ]),
    );
    expect(report.warnings.join('\n')).not.toContain('market_cap');
  });
});
