import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndexArrays } from './build-index-arrays.js';
import type { IndexRecord } from './name-index-arrays.js';
import { DEFAULT_NAME_INDEX_OPTIONS } from './name-index-options.js';

/** Names that share words, prefixes and 3-grams across both halves, with non-ASCII letters, tickers, countries and duplicates. */
const record = fc.record({
  company_name: fc
    .array(
      fc.constantFrom(
        'acme',
        'Müller',
        'nordic',
        'ÆTHER',
        'orion',
        'São',
        'holdings',
        'Bank',
        'x',
        '&',
        '株式会社',
        'Intl.',
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
    .map((words) => words.join(' ')),
  ticker: fc.option(fc.constantFrom('AAPL', 'sap', ' bmw.de ', 'X'), { nil: null }),
  country: fc.option(fc.constantFrom('Germany', 'France', ''), { nil: null }),
});

describe('buildIndexArrays on two threads', () => {
  it('gives the very arrays one thread gives (term ids, postings, weights bit for bit)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 600 }), (records: IndexRecord[]) => {
        const one = buildIndexArrays(records, DEFAULT_NAME_INDEX_OPTIONS, Number.POSITIVE_INFINITY);
        const two = buildIndexArrays(records, DEFAULT_NAME_INDEX_OPTIONS, 0);
        expect(two.terms).toEqual(one.terms);
        expect(Buffer.from(two.idf.buffer)).toEqual(Buffer.from(one.idf.buffer));
        expect(two.termOffsets).toEqual(one.termOffsets);
        expect(two.postingDocs).toEqual(one.postingDocs);
        expect(Buffer.from(two.postingWeights.buffer)).toEqual(Buffer.from(one.postingWeights.buffer));
        expect(two.docCountry).toEqual(one.docCountry);
        expect(two.countries).toEqual(one.countries);
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
