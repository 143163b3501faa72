import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCommonBlock } from './common-block.js';
import { type IndexRecord, NameIndex } from './name-index.js';
import { indexText, nameTerms, PREFIX_MAX, PREFIX_MIN } from './name-terms.js';

/** Dense brute force over the same vectors: every document's cosine, computed from its terms directly. */
function bruteForce(index: NameIndex, docs: readonly IndexRecord[], query: IndexRecord, k: number) {
  const { ids, weights } = index.queryVector(query);
  const q = new Map(ids.map((id, i) => [id, weights[i]!]));
  const { terms, idf, options } = index.arrays;
  const termId = new Map(terms.map((t, i) => [t, i]));
  const bw: Record<string, number> = options.blockWeights;
  const scored = docs.map((doc, d) => {
    const counts = new Map<string, number>();
    for (const t of nameTerms(doc.company_name, bw.t! > 0 ? (doc.ticker ?? null) : null)) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    let dot = 0;
    let norm = 0;
    for (const [t, tf] of counts) {
      const id = termId.get(t)!;
      const w = bw[t[0]!]! * (1 + Math.log(tf)) * idf[id]!;
      norm += w * w;
      dot += w * (q.get(id) ?? 0);
    }
    const cos = norm > 0 ? dot / Math.sqrt(norm) : 0;
    const boost =
      options.countryBoost > 0 && query.country && doc.country === query.country ? options.countryBoost : 0;
    return { doc: d, score: cos + boost, touched: dot > 0 };
  });
  return scored
    .filter((s) => s.touched)
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, k);
}

/**
 * Every document scored from every posting, summed exactly as search sums (rare terms in
 * float32 in query order, then the boost, then common terms in float64 in term-id order):
 * search's pruning must give these very scores and this very order, bit for bit.
 */
function scanAll(index: NameIndex, query: IndexRecord, k: number) {
  const a = index.arrays;
  const common = index.commonBlock();
  const { ids, weights } = index.queryVector(query);
  const order = ids.map((_, i) => i).sort((i, j) => weights[j]! - weights[i]! || ids[i]! - ids[j]!);
  const rare = new Float32Array(a.nDocs);
  const commonPart = new Float64Array(a.nDocs);
  const q = new Map(ids.map((t, i) => [t, weights[i]!]));
  for (const i of order) {
    const t = ids[i]!;
    if (common.slot[t]! >= 0) continue;
    for (let p = a.termOffsets[t]!; p < a.termOffsets[t + 1]!; p++) {
      const d = a.postingDocs[p]!;
      rare[d] = rare[d]! + weights[i]! * a.postingWeights[p]!;
    }
  }
  // Common terms by ascending id: each document's common part summed in its term order.
  for (let t = 0; t < a.terms.length; t++) {
    if (common.slot[t]! < 0 || !q.has(t)) continue;
    for (let p = a.termOffsets[t]!; p < a.termOffsets[t + 1]!; p++) {
      const d = a.postingDocs[p]!;
      commonPart[d] = commonPart[d]! + q.get(t)! * a.postingWeights[p]!;
    }
  }
  const country = query.country ? a.countries.indexOf(query.country) : -1;
  const hits: { doc: number; score: number }[] = [];
  for (let d = 0; d < a.nDocs; d++) {
    if (rare[d] === 0 && commonPart[d] === 0) continue;
    const boost =
      a.options.countryBoost > 0 && country >= 0 && a.docCountry[d] === country ? a.options.countryBoost : 0;
    hits.push({ doc: d, score: rare[d]! + boost + commonPart[d]! });
  }
  return hits.sort((x, y) => y.score - x.score || x.doc - y.doc).slice(0, k);
}

const word = fc.constantFrom(
  'acme',
  'global',
  'holdings',
  'pharma',
  'intl',
  'bank',
  'china',
  'energy',
  'gold',
  'tech',
  'ab',
  'x',
);
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const record = fc.record({
  company_name: name,
  country: fc.constantFrom('DE', 'US', null),
  ticker: fc.constantFrom('AAA', 'BBB', null),
});

describe('NameIndex', () => {
  it('returns exactly the brute-force top-k (scores and order) on random small references', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 60 }),
        record,
        fc.integer({ min: 1, max: 12 }),
        (docs, query, k) => {
          const index = NameIndex.build(docs);
          const got = index.search(query, k);
          const want = bruteForce(index, docs, query, k);
          expect(got.map((h) => h.score)).toEqual(want.map((h) => expect.closeTo(h.score, 6)));
          // Same documents unless two scores tie within float noise.
          got.forEach((h, i) => {
            if (h.doc !== want[i]!.doc) expect(Math.abs(h.score - want[i]!.score)).toBeLessThan(1e-6);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays exact on larger references where max-score pruning cuts the scan short', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 200, maxLength: 600 }),
        record,
        fc.integer({ min: 1, max: 5 }),
        (docs, query, k) => {
          const index = NameIndex.build(docs);
          const got = index.search(query, k);
          const want = bruteForce(index, docs, query, k);
          expect(got.map((h) => h.score)).toEqual(want.map((h) => expect.closeTo(h.score, 6)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('prunes without changing a bit: same documents, same scores as scanning every posting', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 50, maxLength: 400 }),
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(0.005, 0.02, 0.2),
        // Windows of 1, 7 and 64 documents: postings cross many window edges.
        fc.constantFrom(1, 7, 64, undefined),
        fc.constantFrom('visit', 'scan', 'auto') as fc.Arbitrary<'visit' | 'scan' | 'auto'>,
        // Fewer slots than frequent terms: the most frequent are common, the rest rare.
        fc.constantFrom(1, 8, undefined),
        (docs, queries, k, commonFraction, window, commonOnly, maxCommonTerms) => {
          const arrays = NameIndex.build(docs).arrays;
          const index = new NameIndex(arrays, {
            commonFraction,
            commonOnly,
            ...(window ? { window } : {}),
            common: buildCommonBlock(arrays, commonFraction, maxCommonTerms),
          });
          for (const query of queries) expect(index.search(query, k)).toEqual(scanAll(index, query, k));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('finds documents that share only common terms with the query, visiting by norm or reading postings', () => {
    // "global" is in every document but one, so all its terms are common; "x" documents share only it.
    const docs = [
      ...Array.from({ length: 50 }, (_, i) => ({
        company_name: `global ${['acme', 'bank', 'gold', 'x'][i % 4]}`,
      })),
      { company_name: 'zeta omega' },
    ];
    for (const commonOnly of ['visit', 'scan', 'auto'] as const) {
      for (const window of [7, 64]) {
        const index = new NameIndex(NameIndex.build(docs).arrays, {
          commonFraction: 0.2,
          commonOnly,
          window,
        });
        const query = { company_name: 'global zeta' };
        const hits = index.search(query, 4);
        expect(hits).toEqual(scanAll(index, query, 4));
        expect(hits.slice(1).map((h) => docs[h.doc]!.company_name)).toEqual([
          'global x',
          'global x',
          'global x',
        ]);
      }
    }
  });

  it('ranks the same name first with cosine 1 and finds truncated listing tokens through prefixes', () => {
    const docs = [
      { company_name: 'Liberty TripAdvisor Holdings, Inc.' },
      { company_name: 'Liberty Global plc' },
      { company_name: 'TripAdvisor, Inc.' },
    ];
    const index = NameIndex.build(docs, { blockWeights: { g: 1, w: 1, p: 0.5, t: 0 }, countryBoost: 0 });
    expect(index.search({ company_name: 'Liberty Global plc' }, 1)[0]).toEqual({
      doc: 1,
      score: expect.closeTo(1, 6),
    });
    expect(index.search({ company_name: 'LIBERTY TRIPADV. HLDGS A' }, 3)[0]!.doc).toBe(0);
  });

  it('emits every prefix of 4..8 letters of each word', () => {
    expect(nameTerms('tripadv').filter((t) => t.startsWith('p'))).toEqual([
      'ptrip',
      'ptripa',
      'ptripad',
      'ptripadv',
    ]);
    expect(nameTerms('tripadvisor').filter((t) => t.startsWith('p'))).toEqual([
      'ptrip',
      'ptripa',
      'ptripad',
      'ptripadv',
      'ptripadvi',
    ]);
  });

  it('gives every name the terms of their plain definition (ASCII 3-grams take a fast path in the build)', () => {
    /** 3-grams of the padded text, then each word and its prefixes of 4..8 characters, then the ticker. */
    const plainTerms = (name: string, ticker: string | null): string[] => {
      const text = indexText(name);
      const out: string[] = [];
      if (text.length > 0) {
        const padded = ` ${text} `;
        for (let i = 0; i + 3 <= padded.length; i++) out.push(`g${padded.slice(i, i + 3)}`);
        for (const word of text.split(' ').filter((w) => w.length > 0)) {
          out.push(`w${word}`);
          for (let len = PREFIX_MIN; len <= Math.min(word.length, PREFIX_MAX); len++)
            out.push(`p${word.slice(0, len)}`);
        }
      }
      const t = ticker?.trim().toUpperCase().replaceAll('\u0000', '');
      if (t) out.push(`t${t}`);
      return out;
    };
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', 'B', ' ', '.', '&', '1', 'é', 'ß', '日', '\u007f', '\u0080', '-'),
      }),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(text, fc.option(text), (name, ticker) => {
        expect(nameTerms(name, ticker)).toEqual(plainTerms(name, ticker));
      }),
      { numRuns: 500 },
    );
  });

  it('returns nothing for an empty index, k = 0, or a query with no known term', () => {
    expect(NameIndex.build([]).search({ company_name: 'acme' }, 5)).toEqual([]);
    expect(NameIndex.build([{ company_name: 'acme' }]).search({ company_name: 'acme' }, 0)).toEqual([]);
    expect(NameIndex.build([{ company_name: 'acme' }]).search({ company_name: 'zzzz' }, 5)).toEqual([]);
  });
});
