import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReferenceEntity } from '@em/core';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndexFile, readIndexFingerprint, writeIndexFile } from './index-file.js';
import { NameIndex } from './name-index.js';
import { openIndex } from './open-index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'em-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (i: number, company_name: string, country: string | null = 'Germany'): ReferenceEntity => ({
  ciq_id: `IQ${i}`,
  company_name,
  ticker: `T${i}`,
  lei: null,
  cusip: null,
  isin: null,
  country,
  industry: null,
  sector: null,
  market_cap: null,
});
const reference = [
  row(1, 'Siemens Aktiengesellschaft'),
  row(2, 'Société Générale S.A.', 'France'),
  row(3, 'Shanghai Fosun Pharmaceutical (Group) Co., Ltd.', 'China'),
  row(4, 'Liberty TripAdvisor Holdings, Inc.', 'United States'),
  row(5, '株式会社日立製作所', 'Japan'),
  row(6, 'Siemens Energy AG'),
];
const queries = [
  'SIEMENS AG NA O.N.',
  'SHANG.FOS.PHARM.GR.H YC 1',
  'LIBERTY TRIPADV. HLDGS A',
  '日立製作所',
  'societe generale',
];

describe('index file', () => {
  it('round-trips: same arrays and same search results after write and read', () => {
    const index = NameIndex.build(reference);
    const file = path.join(dir, 'a.em-index');
    writeIndexFile(file, index, 'abc');
    const loaded = readIndexFile(file);
    expect(loaded.fingerprint).toBe('abc');
    expect(readIndexFingerprint(file)).toBe('abc');
    expect(loaded.index.arrays.terms).toEqual(index.arrays.terms);
    expect(Array.from(loaded.index.arrays.postingWeights)).toEqual(Array.from(index.arrays.postingWeights));
    expect(loaded.index.arrays.countries).toEqual(index.arrays.countries);
    for (const q of queries) {
      expect(loaded.index.search({ company_name: q, country: 'Germany' }, 3)).toEqual(
        index.search({ company_name: q, country: 'Germany' }, 3),
      );
    }
  });

  it('rejects a file that is not an index, with the fix in the message', () => {
    const file = path.join(dir, 'junk.em-index');
    writeFileSync(file, 'not an index at all');
    expect(readIndexFingerprint(file)).toBeNull();
    expect(() => readIndexFile(file)).toThrow(/em index/);
  });

  it('openIndex builds when missing, loads when current, rebuilds when the reference changed', () => {
    const file = path.join(dir, 'db.duckdb.em-index');
    expect(openIndex(file, reference)).toMatchObject({ status: 'built', reason: 'no index yet' });
    expect(openIndex(file, reference)).toMatchObject({ status: 'loaded' });
    const changed = [...reference.slice(0, 5), row(6, 'Siemens Healthineers AG')];
    const rebuilt = openIndex(file, changed);
    expect(rebuilt).toMatchObject({ status: 'built', reason: 'reference changed' });
    expect(rebuilt.index.search({ company_name: 'Siemens Healthineers' }, 1)[0]!.doc).toBe(5);
    expect(openIndex(file, changed, { rebuild: true })).toMatchObject({
      status: 'built',
      reason: 'rebuild requested',
    });
  });
});
