import type { ReferenceEntity, SourceEntity } from '@em/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceRows } from '../../reference/reference-rows.js';
import { KeyChannel } from './key-channel.js';

const row = (d: number, ticker: string | null): ReferenceEntity => ({
  ciq_id: `IQ${d}`,
  company_name: `Company ${d}`,
  ticker,
  lei: null,
  cusip: null,
  isin: null,
  country: null,
  industry: null,
  sector: null,
  market_cap: null,
});
const source = (ticker: string | null): SourceEntity => ({
  source_id: '1',
  source_system: 'T',
  company_name: 'x',
  ticker,
  lei: null,
  cusip: null,
  isin: null,
  country: null,
  industry: null,
});

describe('KeyChannel', () => {
  it('finds exactly the rows a map of key → rows finds, in row order, none past maxBlock', () => {
    const key = fc.option(fc.constantFrom('A', 'B', 'AB', 'BA', 'ÄÖ', '', 'LONG-KEY-1', 'LONG-KEY-2'), {
      nil: null,
    });
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 300 }),
        key,
        fc.integer({ min: 0, max: 30 }),
        (keys, probe, max) => {
          const reference = keys.map((k, d) => row(d, k));
          const channel = new KeyChannel('ticker', (r) => r.ticker ?? null, referenceRows(reference), max);
          const want = probe === null ? [] : reference.flatMap((r, d) => (r.ticker === probe ? [d] : []));
          expect(channel.find(source(probe))).toEqual(want.length > max ? [] : want);
        },
      ),
      { numRuns: 200 },
    );
  });
});
