import type { NameIndexArrays } from './name-index.js';

/**
 * The index seen from the documents' side: each document's terms (ascending ids) and
 * weights, as CSR, plus each term's largest weight in any document. Exact top-k scores a
 * candidate from its own vector instead of from postings, and bounds what an unscanned term
 * can add to any document by query weight × that term's largest weight.
 */
export interface DocVectors {
  readonly offsets: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float32Array;
  readonly termMax: Float32Array;
}

export function buildDocVectors(a: NameIndexArrays): DocVectors {
  const n = a.nDocs;
  const nTerms = a.terms.length;
  const offsets = new Int32Array(n + 1);
  const { postingDocs, postingWeights, termOffsets } = a;
  for (let p = 0; p < postingDocs.length; p++) offsets[postingDocs[p]! + 1]!++;
  for (let d = 0; d < n; d++) offsets[d + 1]! += offsets[d]!;
  const cursor = offsets.slice(0, n);
  const terms = new Int32Array(postingDocs.length);
  const weights = new Float32Array(postingDocs.length);
  const termMax = new Float32Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    let max = 0;
    for (let p = termOffsets[t]!; p < termOffsets[t + 1]!; p++) {
      const w = postingWeights[p]!;
      const at = cursor[postingDocs[p]!]!++;
      terms[at] = t;
      weights[at] = w;
      if (w > max) max = w;
    }
    termMax[t] = max;
  }
  return { offsets, terms, weights, termMax };
}
