import type { DocTerms } from './doc-terms.js';

/** What the second pass of an index build needs besides a run's documents. */
export interface PostingTargets {
  readonly idf: Float32Array;
  /** Each term's block weight (3-grams, words, prefixes, ticker). */
  readonly termBlockWeight: Float64Array;
  /** Per term, where this run's next posting goes; advanced as they are written. */
  readonly cursor: Int32Array;
  readonly postingDocs: Int32Array;
  readonly postingWeights: Float32Array;
}

/**
 * The second pass over one run of documents (numbered from `first`): TF-IDF weights,
 * L2-normalized per document, written into each term's postings at `cursor`. Runs write
 * disjoint ranges (a later run's cursors start where an earlier run's end), so two threads
 * can scatter their runs into the same shared arrays at once.
 */
export function scatterPostings(docs: DocTerms, first: number, to: PostingTargets): void {
  const { docOffsets, docTerms, docTf } = docs;
  const { idf, termBlockWeight, cursor, postingDocs, postingWeights } = to;
  const count = docOffsets.length - 1;
  for (let i = 0; i < count; i++) {
    const start = docOffsets[i]!;
    const end = docOffsets[i + 1]!;
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
      postingDocs[p] = first + i;
      postingWeights[p] = w * inv;
    }
  }
}
