/**
 * Documents per window: the window's score accumulators and the slices of the per-document
 * arrays it reads stay in the CPU cache, where scattering into one accumulator per document
 * of a million-row index missed it on nearly every posting. A multiple of 32.
 */
export const DEFAULT_WINDOW = 1 << 15;

/** Reusable per-index buffers (one search at a time); all zero between searches. */
export interface SearchScratch {
  /** Score per document of the current window. */
  readonly acc: Float32Array;
  /** Bit per document: reached by a rare term (the common-only pass skips it). */
  readonly reached: Uint32Array;
  /** Bit per document of the current window (common-only scan). */
  readonly mark: Uint32Array;
  /** Query weight per common term, by slot (see CommonBlock). */
  readonly queryCommon: Float64Array;
}

export function searchScratch(nDocs: number, commonSlots: number, window = DEFAULT_WINDOW): SearchScratch {
  const size = Math.max(32, Math.ceil(Math.min(nDocs, window) / 32) * 32);
  return {
    acc: new Float32Array(size),
    reached: new Uint32Array((nDocs >>> 5) + 1),
    mark: new Uint32Array(size >>> 5),
    queryCommon: new Float64Array(commonSlots),
  };
}
