import { buildCommonBlock, type CommonBlock, DEFAULT_COMMON_FRACTION } from './common-block.js';
import { exactTopK, type SearchScratch } from './exact-top-k.js';
import {
  blockIndex,
  blockWeightArray,
  DEFAULT_NAME_INDEX_OPTIONS,
  type NameIndexOptions,
} from './name-index-options.js';
import { nameTerms } from './name-terms.js';

/** Bumped when the persisted layout or the scoring changes. */
export const NAME_INDEX_FORMAT = 1;

/** The arrays of an index: CSR postings of L2-normalized TF-IDF weights, one row per reference document. */
export interface NameIndexArrays {
  readonly nDocs: number;
  /** Term id → term text (block letter + text). */
  readonly terms: readonly string[];
  readonly idf: Float32Array;
  readonly termOffsets: Int32Array;
  readonly postingDocs: Int32Array;
  readonly postingWeights: Float32Array;
  /** Country id per document, -1 when unknown. */
  readonly docCountry: Int32Array;
  readonly countries: readonly string[];
  readonly options: NameIndexOptions;
}

/** What the index reads of a record (reference row or source). */
export interface IndexRecord {
  readonly company_name: string;
  readonly country?: string | null;
  readonly ticker?: string | null;
}

export interface SearchHit {
  readonly doc: number;
  readonly score: number;
}

/**
 * Exact cosine top-k over character 3-grams, words and word prefixes of
 * normalized company names. Every posting of every query term is visited.
 */
export class NameIndex {
  private readonly vocab: Map<string, number>;
  private readonly blockWeights: Float64Array;
  private readonly unknownIdf: number;
  private readonly countryIds: Map<string, number>;
  private scratch: SearchScratch | null = null;
  private common: CommonBlock | null = null;

  /**
   * `commonFraction`: terms in more than this share of documents are "common" (see
   * CommonBlock). It changes speed only, never results.
   */
  constructor(
    readonly arrays: NameIndexArrays,
    private readonly commonFraction = DEFAULT_COMMON_FRACTION,
  ) {
    this.vocab = new Map(arrays.terms.map((t, i) => [t, i]));
    this.blockWeights = blockWeightArray(arrays.options);
    this.unknownIdf = Math.log(arrays.nDocs + 1) + 1;
    this.countryIds = new Map(arrays.countries.map((c, i) => [c, i]));
  }

  get size(): number {
    return this.arrays.nDocs;
  }

  static build(
    records: readonly IndexRecord[],
    options: NameIndexOptions = DEFAULT_NAME_INDEX_OPTIONS,
  ): NameIndex {
    return new NameIndex(buildArrays(records, options));
  }

  /** Query vector as (term id, weight) pairs, L2-normalized over all its terms (unknown ones included). */
  queryVector(query: IndexRecord): { ids: number[]; weights: number[] } {
    const counts = new Map<string, number>();
    const ticker = this.arrays.options.blockWeights.t > 0 ? (query.ticker ?? null) : null;
    for (const t of nameTerms(query.company_name, ticker)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [term, tf] of counts) {
      const id = this.vocab.get(term);
      const idf = id === undefined ? this.unknownIdf : this.arrays.idf[id]!;
      const w = this.blockWeights[blockIndex(term[0]!)]! * (1 + Math.log(tf)) * idf;
      norm += w * w;
      if (id !== undefined && w > 0) {
        ids.push(id);
        weights.push(w);
      }
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < weights.length; i++) weights[i]! *= inv;
    return { ids, weights };
  }

  /** The k best documents by cosine (plus the country boost when set), best first; ties by document order. */
  search(query: IndexRecord, k: number): SearchHit[] {
    this.scratch ??= {
      acc: new Float64Array(this.arrays.nDocs),
      touched: new Int32Array(this.arrays.nDocs),
      queryCommon: new Float64Array(this.arrays.terms.length),
    };
    this.common ??= buildCommonBlock(this.arrays, this.commonFraction);
    const { ids, weights } = this.queryVector(query);
    const boost = this.arrays.options.countryBoost;
    const country = query.country ?? null;
    const countryId = boost > 0 && country !== null ? (this.countryIds.get(country) ?? -1) : -1;
    return exactTopK(this.arrays, this.common, this.scratch, { ids, weights, countryId, boost }, k);
  }
}

function buildArrays(records: readonly IndexRecord[], options: NameIndexOptions): NameIndexArrays {
  const nDocs = records.length;
  const withTicker = options.blockWeights.t > 0;
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  let df: Int32Array = new Int32Array(1024);
  let docTerms: Int32Array = new Int32Array(Math.max(1024, nDocs * 24));
  let docTf: Uint16Array = new Uint16Array(docTerms.length);
  const docOffsets = new Int32Array(nDocs + 1);
  let nEntries = 0;
  for (let d = 0; d < nDocs; d++) {
    const ids: number[] = [];
    const record = records[d]!;
    for (const term of nameTerms(record.company_name, withTicker ? (record.ticker ?? null) : null)) {
      let id = vocab.get(term);
      if (id === undefined) {
        id = terms.length;
        vocab.set(term, id);
        terms.push(term);
        if (id >= df.length) df = grow(df, df.length * 2);
      }
      ids.push(id);
    }
    ids.sort((a, b) => a - b);
    if (nEntries + ids.length > docTerms.length) {
      const size = Math.max(docTerms.length * 2, nEntries + ids.length);
      docTerms = grow(docTerms, size);
      docTf = grow(docTf, size);
    }
    for (let i = 0; i < ids.length; ) {
      let j = i + 1;
      while (j < ids.length && ids[j] === ids[i]) j++;
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
    const c = records[d]!.country;
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
