import { type IndexRecords, indexRecordAt } from './index-records.js';
import type { NameIndexArrays } from './name-index-arrays.js';
import { blockIndex, blockWeightArray, type NameIndexOptions } from './name-index-options.js';
import { asciiTrigramTerm, type NameTermVisitor, visitNameTerms, wordTerms } from './name-terms.js';

/**
 * One pass over the records collects each document's terms (as ids, with frequencies) and the
 * document frequencies; a second computes TF-IDF weights, L2-normalizes each document and
 * scatters them into postings sorted by document.
 */
export function buildIndexArrays(records: IndexRecords, options: NameIndexOptions): NameIndexArrays {
  const nDocs = records.length;
  const recordAt = indexRecordAt(records);
  const withTicker = options.blockWeights.t > 0;
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  let df: Int32Array = new Int32Array(1024);
  let docTerms: Int32Array = new Int32Array(Math.max(1024, nDocs * 24));
  let docTf: Uint16Array = new Uint16Array(docTerms.length);
  const docOffsets = new Int32Array(nDocs + 1);
  let nEntries = 0;
  // ASCII 3-grams (two thirds of all terms) find their id in a table, not the map: at 10M rows
  // the map lookups were most of the build. One document's term ids collect in `ids[0 .. n)`.
  const trigramIds = new Int32Array(1 << 21).fill(-1);
  let ids = new Int32Array(256);
  let n = 0;
  const push = (id: number): void => {
    if (n === ids.length) ids = grow(ids, n * 2);
    ids[n++] = id;
  };
  const newId = (term: string): number => {
    const id = terms.length;
    terms.push(term);
    if (id >= df.length) df = grow(df, df.length * 2);
    return id;
  };
  const termId = (term: string): number => {
    let id = vocab.get(term);
    if (id === undefined) {
      id = newId(term);
      vocab.set(term, id);
    }
    return id;
  };
  // A word's terms (the word and its prefixes) have the same ids wherever it occurs: one map
  // lookup per word instead of one per term. The ids lie in `wordPool`; the map holds where
  // (offset · 8 + count: a word has at most 1 + PREFIX_MAX - PREFIX_MIN + 1 terms).
  const wordAt = new Map<string, number>();
  let wordPool = new Int32Array(1 << 16);
  let wordPoolLength = 0;
  const visitor: NameTermVisitor = {
    trigram(code) {
      let id = trigramIds[code]!;
      if (id < 0) {
        id = newId(asciiTrigramTerm(code));
        trigramIds[code] = id;
      }
      push(id);
    },
    word(word) {
      let at = wordAt.get(word);
      if (at === undefined) {
        const wordIds = wordTerms(word).map(termId);
        if (wordPoolLength + wordIds.length > wordPool.length) wordPool = grow(wordPool, wordPool.length * 2);
        wordPool.set(wordIds, wordPoolLength);
        at = wordPoolLength * 8 + wordIds.length;
        wordPoolLength += wordIds.length;
        wordAt.set(word, at);
      }
      const end = Math.floor(at / 8) + (at % 8);
      for (let i = Math.floor(at / 8); i < end; i++) push(wordPool[i]!);
    },
    term(term) {
      push(termId(term));
    },
  };
  for (let d = 0; d < nDocs; d++) {
    n = 0;
    const record = recordAt(d);
    visitNameTerms(record.company_name, withTicker ? (record.ticker ?? null) : null, visitor);
    ids.subarray(0, n).sort();
    if (nEntries + n > docTerms.length) {
      // Room for the rest at the rate so far (plus 5%): one more copy, not a doubling (10M rows: ~2 GB).
      const size = Math.max(nEntries + n, Math.ceil(((nEntries / (d + 1)) * nDocs * 21) / 20) + 1024);
      docTerms = grow(docTerms, size);
      docTf = grow(docTf, size);
    }
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && ids[j] === ids[i]) j++;
      docTerms[nEntries] = ids[i]!;
      docTf[nEntries] = Math.min(j - i, 65535);
      df[ids[i]!]!++;
      nEntries++;
      i = j;
    }
    docOffsets[d + 1] = nEntries;
  }
  const nTerms = terms.length;
  const idf = new Float32Array(nTerms);
  const termBlockWeight = new Float64Array(nTerms);
  const blockWeights = blockWeightArray(options);
  for (let t = 0; t < nTerms; t++) {
    idf[t] = Math.log((nDocs + 1) / (df[t]! + 1)) + 1;
    termBlockWeight[t] = blockWeights[blockIndex(terms[t]![0]!)]!;
  }
  const termOffsets = new Int32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) termOffsets[t + 1] = termOffsets[t]! + df[t]!;
  const cursor = termOffsets.slice(0, nTerms);
  const postingDocs = new Int32Array(nEntries);
  const postingWeights = new Float32Array(nEntries);
  for (let d = 0; d < nDocs; d++) {
    const start = docOffsets[d]!;
    const end = docOffsets[d + 1]!;
    let norm = 0;
    for (let e = start; e < end; e++) {
      const t = docTerms[e]!;
      const w = termBlockWeight[t]! * (1 + Math.log(docTf[e]!)) * idf[t]!;
      norm += w * w;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let e = start; e < end; e++) {
      const t = docTerms[e]!;
      const w = termBlockWeight[t]! * (1 + Math.log(docTf[e]!)) * idf[t]!;
      const p = cursor[t]!++;
      postingDocs[p] = d;
      postingWeights[p] = w * inv;
    }
  }
  const countryList: string[] = [];
  const countryIds = new Map<string, number>();
  const docCountry = new Int32Array(nDocs).fill(-1);
  for (let d = 0; d < nDocs; d++) {
    const c = recordAt(d).country;
    if (c === null || c === undefined || c === '') continue;
    let id = countryIds.get(c);
    if (id === undefined) {
      id = countryList.length;
      countryIds.set(c, id);
      countryList.push(c);
    }
    docCountry[d] = id;
  }
  return {
    nDocs,
    terms,
    idf,
    termOffsets,
    postingDocs,
    postingWeights,
    docCountry,
    countries: countryList,
    options,
  };
}

function grow<T extends Int32Array | Uint16Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
