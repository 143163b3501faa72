import type { IndexRecord, NameIndex, SearchHit } from '../../src/retrieval/name-index.js';
import { TopK } from '../../src/retrieval/top-k.js';

/**
 * Brute-force exact cosine over the same vectors as `NameIndex`: every document's full
 * dot product with the query (documents stored as forward lists), the recall ceiling.
 */
export class BruteForce {
  private readonly offsets: Int32Array;
  private readonly terms: Int32Array;
  private readonly weights: Float32Array;
  private readonly dense: Float64Array;

  constructor(private readonly index: NameIndex) {
    const a = index.arrays;
    const counts = new Int32Array(a.nDocs + 1);
    for (let p = 0; p < a.postingDocs.length; p++) counts[a.postingDocs[p]! + 1]!++;
    this.offsets = new Int32Array(a.nDocs + 1);
    for (let d = 0; d < a.nDocs; d++) this.offsets[d + 1] = this.offsets[d]! + counts[d + 1]!;
    const cursor = this.offsets.slice(0, a.nDocs);
    this.terms = new Int32Array(a.postingDocs.length);
    this.weights = new Float32Array(a.postingDocs.length);
    for (let t = 0; t < a.terms.length; t++) {
      for (let p = a.termOffsets[t]!; p < a.termOffsets[t + 1]!; p++) {
        const at = cursor[a.postingDocs[p]!]!++;
        this.terms[at] = t;
        this.weights[at] = a.postingWeights[p]!;
      }
    }
    this.dense = new Float64Array(a.terms.length);
  }

  search(query: IndexRecord, k: number): SearchHit[] {
    const a = this.index.arrays;
    const { ids, weights } = this.index.queryVector(query);
    ids.forEach((id, i) => {
      this.dense[id] = weights[i]!;
    });
    const boost = a.options.countryBoost;
    const country = query.country ? a.countries.indexOf(query.country) : -1;
    const top = new TopK(k);
    for (let d = 0; d < a.nDocs; d++) {
      let dot = 0;
      for (let e = this.offsets[d]!; e < this.offsets[d + 1]!; e++)
        dot += this.dense[this.terms[e]!]! * this.weights[e]!;
      if (dot > 0) top.offer(d, dot + (boost > 0 && country >= 0 && a.docCountry[d] === country ? boost : 0));
    }
    for (const id of ids) this.dense[id] = 0;
    return top.sorted();
  }
}
