import type { NameIndexOptions } from './name-index-options.js';

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
