import { buildIndexArrays } from './build-index-arrays.js';
import { buildCommonBlock, type CommonBlock } from './common-block.js';
import type { CommonOnlyStrategy } from './common-only-top-k.js';
import { exactTopK } from './exact-top-k.js';
import type { IndexRecords } from './index-records.js';
import type { IndexRecord, NameIndexArrays, SearchHit } from './name-index-arrays.js';
import {
  blockIndex,
  blockWeightArray,
  DEFAULT_NAME_INDEX_OPTIONS,
  type NameIndexOptions,
} from './name-index-options.js';
import { nameTerms } from './name-terms.js';
import { type SearchScratch, searchScratch } from './search-scratch.js';
import { TermDictionary } from './term-dictionary.js';

export type { IndexRecord, NameIndexArrays, SearchHit };

/** Bumped when the persisted layout or the scoring changes. */
export const NAME_INDEX_FORMAT = 1;

/** How a NameIndex searches; speed only, never results. */
export interface SearchOptions {
  /** Terms in more than this share of documents are "common" (see CommonBlock). */
  readonly commonFraction?: number;
  /** A common-term block built elsewhere (a worker receives the main thread's). */
  readonly common?: CommonBlock;
  /** A term dictionary built elsewhere (a worker receives the main thread's). */
  readonly dictionary?: TermDictionary;
  /** Documents per scoring window (see exactTopK; tests use tiny ones). */
  readonly window?: number;
  /** How documents sharing only common terms with the query are found (see commonOnlyTopK). */
  readonly commonOnly?: CommonOnlyStrategy;
}

/**
 * Exact cosine top-k over character 3-grams, words, word prefixes and tickers of
 * normalized company names (see exactTopK).
 */
export class NameIndex {
  private dictionary: TermDictionary | null;
  private readonly blockWeights: Float64Array;
  private readonly unknownIdf: number;
  private readonly countryIds: Map<string, number>;
  private scratch: SearchScratch | null = null;
  private common: CommonBlock | null = null;

  constructor(
    readonly arrays: NameIndexArrays,
    private readonly searchOptions: SearchOptions = {},
  ) {
    this.common = searchOptions.common ?? null;
    this.dictionary = searchOptions.dictionary ?? null;
    this.blockWeights = blockWeightArray(arrays.options);
    this.unknownIdf = Math.log(arrays.nDocs + 1) + 1;
    this.countryIds = new Map(arrays.countries.map((c, i) => [c, i]));
  }

  get size(): number {
    return this.arrays.nDocs;
  }

  static build(records: IndexRecords, options: NameIndexOptions = DEFAULT_NAME_INDEX_OPTIONS): NameIndex {
    return new NameIndex(buildIndexArrays(records, options));
  }

  /** The common-term block search uses (built on first use). */
  commonBlock(): CommonBlock {
    this.common ??= buildCommonBlock(this.arrays, this.searchOptions.commonFraction);
    return this.common;
  }

  /** The common-term block if it is built already (e.g. by a retrieval worker), else null. */
  builtCommonBlock(): CommonBlock | null {
    return this.common;
  }

  /** Use a block built elsewhere from these arrays with `commonFraction` (a retrieval worker's). */
  adoptCommonBlock(common: CommonBlock): void {
    this.common ??= common;
  }

  /** The share of documents above which a term is common (undefined: `defaultCommonFraction`). */
  get commonFraction(): number | undefined {
    return this.searchOptions.commonFraction;
  }

  /** Term text → id (built on first use; shared with search workers). */
  termDictionary(): TermDictionary {
    this.dictionary ??= TermDictionary.build(this.arrays.terms);
    return this.dictionary;
  }

  /** Query vector as (term id, weight) pairs, L2-normalized over all its terms (unknown ones included). */
  queryVector(query: IndexRecord): { ids: number[]; weights: number[] } {
    const dictionary = this.termDictionary();
    const counts = new Map<string, number>();
    const ticker = this.arrays.options.blockWeights.t > 0 ? (query.ticker ?? null) : null;
    for (const t of nameTerms(query.company_name, ticker)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [term, tf] of counts) {
      const id = dictionary.idOf(term);
      const idf = id < 0 ? this.unknownIdf : this.arrays.idf[id]!;
      const w = this.blockWeights[blockIndex(term[0]!)]! * (1 + Math.log(tf)) * idf;
      norm += w * w;
      if (id >= 0 && w > 0) {
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
    const common = this.commonBlock();
    this.scratch ??= searchScratch(this.arrays.nDocs, common.slots, this.searchOptions.window);
    const { ids, weights } = this.queryVector(query);
    const boost = this.arrays.options.countryBoost;
    const country = query.country ?? null;
    const countryId = boost > 0 && country !== null ? (this.countryIds.get(country) ?? -1) : -1;
    return exactTopK(
      this.arrays,
      common,
      this.scratch,
      { ids, weights, countryId, boost },
      k,
      this.searchOptions.commonOnly,
    );
  }
}
