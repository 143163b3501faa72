import { REFERENCE_COLUMNS, type ReferenceEntity } from '@em/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalValue,
  PAGE_NULL,
  PAGE_ROWS,
  PAGE_SEPARATOR,
  type PageText,
  ReferenceStore,
} from './reference-store.js';

const optional = fc.option(fc.string({ maxLength: 12, unit: 'grapheme' }), { nil: null });
const entity = fc.record({
  ciq_id: fc.string({ minLength: 1, maxLength: 10 }),
  company_name: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
  ticker: optional,
  lei: optional,
  cusip: optional,
  isin: optional,
  country: optional,
  industry: optional,
  sector: optional,
  market_cap: optional,
});
/** What ReferenceEntity.parse makes of a row: empty optional fields are null. */
const parsed = (r: ReferenceEntity): ReferenceEntity =>
  Object.fromEntries(
    REFERENCE_COLUMNS.map((c, i) => [c, i > 1 && r[c] === '' ? null : r[c]]),
  ) as ReferenceEntity;

describe('ReferenceStore', () => {
  it('gives back every row and field as appended, across page boundaries', () => {
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 60 }), fc.integer({ min: 0, max: 5000 }), (rows, pad) => {
        // Pad with plain rows so some cases cross one or two 4,096-row pages.
        const all = [
          ...Array.from(
            { length: pad },
            (_, i): ReferenceEntity => ({ ...parsed(rows[0] ?? blank), ciq_id: `P${i}` }),
          ),
          ...rows,
        ];
        const store = ReferenceStore.fromRows(all);
        expect(store.length).toBe(all.length);
        for (let d = Math.max(0, pad - 2); d < all.length; d++) {
          expect(store.row(d)).toEqual(parsed(all[d]!));
          expect(store.field('company_name', d)).toBe(all[d]!.company_name);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('hashes the same canonical texts whether pages came separated (as readReferenceStore reads them) or row by row', () => {
    // Separated pages cannot hold their own separator characters (readReferenceStore reads those value by value).
    const plain = fc
      .string({ maxLength: 12, unit: 'grapheme' })
      .filter((v) => !v.includes(PAGE_SEPARATOR) && !v.includes(PAGE_NULL));
    const value = fc.option(plain, { nil: null });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.integer({ min: 0, max: 4200 }), (tail, pad) => {
        const values = [...Array.from({ length: pad }, (_, i) => `v${i}`), ...tail];
        const rows = values.map((v, i): ReferenceEntity => ({ ...blank, ciq_id: `IQ${i}`, ticker: v }));
        const separated = new ReferenceStore(rows.length);
        for (let from = 0; from < rows.length; from += PAGE_ROWS) {
          const page = rows.slice(from, from + PAGE_ROWS);
          separated.appendPage(REFERENCE_COLUMNS.map((c) => separatedPage(page.map((r) => r[c] ?? null))));
        }
        separated.seal();
        const canonical = values.map((v) => canonicalValue(v)).join('');
        for (const store of [separated, ReferenceStore.fromRows(rows)]) {
          const texts: string[] = [];
          store.forEachCanonicalPage('ticker', (t) => texts.push(t));
          expect(texts.join('')).toBe(canonical);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('refuses rows beyond its capacity and after seal', () => {
    const store = new ReferenceStore(1);
    store.append(REFERENCE_COLUMNS.map((c) => blank[c]));
    expect(() => store.append(REFERENCE_COLUMNS.map((c) => blank[c]))).toThrow(/at most 1 rows/);
    expect(() => new ReferenceStore(2).seal().append([])).toThrow(/after seal/);
  });
});

const blank: ReferenceEntity = {
  ciq_id: 'IQ0',
  company_name: 'Blank AG',
  ticker: null,
  lei: null,
  cusip: null,
  isin: null,
  country: 'Germany',
  industry: null,
  sector: null,
  market_cap: '12.5',
};

/** A page column as readReferenceStore builds it: each value then PAGE_SEPARATOR, NULL written PAGE_NULL. */
function separatedPage(values: readonly (string | null)[]): PageText {
  const ends = new Uint32Array(values.length);
  const nulls = new Uint8Array(values.length);
  let text = '';
  values.forEach((v, i) => {
    text += v ?? PAGE_NULL;
    ends[i] = text.length;
    nulls[i] = v === null ? 1 : 0;
    text += PAGE_SEPARATOR;
  });
  return { text, ends, nulls, separated: true };
}
