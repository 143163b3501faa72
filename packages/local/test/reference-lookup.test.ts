import { REFERENCE_COLUMNS } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { DuckDbReferenceLookup } from '../src/ports/duckdb-reference-lookup.js';
import { range, referenceRow, validCusip, validIsin, validLei } from './helpers/dataset.js';
import { openEngine } from './helpers/engine.js';
import { recordsToCsv, tempDir, writeText } from './helpers/files.js';

const tmp = tempDir();
let engine: LocalEngine;
let lookup: DuckDbReferenceLookup;
const badIsin = `${validIsin(7).slice(0, 11)}${(Number(validIsin(7)[11]) + 1) % 10}`;

beforeAll(async () => {
  engine = await openEngine();
  const rows = range(20).map(referenceRow);
  rows[7] = { ...rows[7]!, isin: badIsin }; // invalid in the reference: never hit on ISIN
  rows[9] = { ...rows[9]!, isin: validIsin(5) }; // the same ISIN as row 5: a conflict
  await engine.ingest('reference', writeText(tmp.file('ref.csv'), recordsToCsv(REFERENCE_COLUMNS, rows)));
  lookup = new DuckDbReferenceLookup(engine.db);
});
afterAll(async () => {
  await engine.close();
  tmp.cleanup();
});

const ids = (hits: { scheme: string; entity: { ciq_id: string } }[]) =>
  hits.map((h) => `${h.scheme}:${h.entity.ciq_id}`);

describe('DuckDbReferenceLookup', () => {
  it('answers a batch in order, one list of hits per query', async () => {
    const hits = await lookup.lookupByIdentifiers([
      { lei: null, isin: validIsin(3), cusip: null },
      { lei: null, isin: null, cusip: null },
      { lei: validLei(4), isin: validIsin(4), cusip: validCusip(4) },
      { lei: null, isin: 'US0000000000', cusip: null },
      { lei: null, isin: ` ${validIsin(3).toLowerCase()} `, cusip: null },
    ]);
    expect(hits.map(ids)).toEqual([
      ['isin:IQ0000003'],
      [],
      ['cusip:IQ0000004', 'isin:IQ0000004', 'lei:IQ0000004'],
      [],
      ['isin:IQ0000003'],
    ]);
    expect(hits[0]?.[0]).toMatchObject({
      scheme: 'isin',
      value: validIsin(3),
      entity: {
        ciq_id: 'IQ0000003',
        company_name: referenceRow(3).company_name,
        market_cap: referenceRow(3).market_cap,
      },
    });
  });

  it('returns every entity an identifier names, so the cascade can see a conflict', async () => {
    const [hits] = await lookup.lookupByIdentifiers([{ lei: null, isin: validIsin(5), cusip: null }]);
    expect(ids(hits ?? [])).toEqual(['isin:IQ0000005', 'isin:IQ0000009']);
  });

  it('never hits a reference identifier that failed its check digit', async () => {
    const [hits] = await lookup.lookupByIdentifiers([{ lei: null, isin: badIsin, cusip: null }]);
    expect(hits).toEqual([]);
    const [row] = await engine.query<{ isin: string | null; identifier_notes: string }>(
      `SELECT isin, identifier_notes FROM silver.normalized_reference WHERE ciq_id = 'IQ0000007'`,
    );
    expect(row?.isin).toBeNull();
    expect(row?.identifier_notes).toMatch(/ISIN/);
  });

  it('declares its batch size and takes a full batch in one call', async () => {
    expect(lookup.capabilities.maxBatchSize).toBe(10_000);
    const queries = range(10_000).map((i) => ({ lei: null, isin: validIsin(i % 20), cusip: null }));
    const hits = await lookup.lookupByIdentifiers(queries);
    expect(hits).toHaveLength(10_000);
    expect(hits[10]?.map((h) => h.entity.ciq_id)).toEqual(['IQ0000010']);
  });
});
