/** A query's rare terms by decreasing weight: each one's postings range [cursor, end) and weight. */
export interface RareTerms {
  readonly cursor: number[];
  readonly end: number[];
  readonly weight: number[];
}

/** At most this many seeds: each costs a binary search in every rare term's postings. */
const SEED_MAX = 128;

/**
 * Documents worth scoring before any window is read: the postings of the heaviest rare term
 * that has at most SEED_MAX of them (usually the query's rarest word or ticker, which the
 * best matches share). Their exact scores lift the k-th best early, so the windows prune
 * from their first document on. Any set would be correct; this one is cheap and telling.
 */
export function seedDocs(postingDocs: Int32Array, rare: RareTerms): Int32Array {
  for (let i = 0; i < rare.weight.length; i++) {
    const start = rare.cursor[i]!;
    const end = rare.end[i]!;
    if (end - start <= SEED_MAX) return postingDocs.subarray(start, end);
  }
  return postingDocs.subarray(0, 0);
}

/**
 * A document's rare-term score exactly as the windows sum it: term by term in `rare` order,
 * rounded to float32 after each addition (the accumulators are a Float32Array).
 */
export function rareScoreOf(
  doc: number,
  postingDocs: Int32Array,
  postingWeights: Float32Array,
  rare: RareTerms,
): number {
  let s = 0;
  for (let i = 0; i < rare.weight.length; i++) {
    let lo = rare.cursor[i]!;
    let hi = rare.end[i]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (postingDocs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    if (lo < rare.end[i]! && postingDocs[lo] === doc)
      s = Math.fround(s + rare.weight[i]! * postingWeights[lo]!);
  }
  return s;
}
