import { buildDocKeys, normSteps } from './doc-keys.js';
import { docsByNormDescending } from './docs-by-norm.js';
import type { NameIndexArrays } from './name-index-arrays.js';

/**
 * The index's frequent terms seen from the documents' side. Terms whose document frequency
 * exceeds `fraction` of the index (common trigrams such as "ing", word prefixes such as
 * "inter") hold most postings but add little to any cosine. Search never scans their
 * postings: it completes candidate scores from each document's own list of common terms,
 * and bounds what they can add to a document by ‖q_common‖ · ‖d_common‖ (Cauchy–Schwarz).
 */
export interface CommonBlock {
  readonly isCommon: Uint8Array;
  /** Per document, its common terms and weights (CSR). */
  readonly offsets: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float32Array;
  /** ‖d_common‖ per document, and its largest value. */
  readonly norm: Float32Array;
  readonly maxNorm: number;
  /** Documents by ‖d_common‖, largest first (ties by document order). */
  readonly byNorm: Int32Array;
  /** The same order within each country: country c's documents are byCountry[countryStart[c] .. countryStart[c + 1]). */
  readonly byCountry: Int32Array;
  readonly countryStart: Int32Array;
  /** Country and rounded-up ‖d_common‖ per document in 16 bits (see doc-keys), and the norm of each step. */
  readonly docKeys: Uint16Array;
  readonly normSteps: Float64Array;
  /** Per term, its largest weight in any document (common terms only; 0 for the others). */
  readonly maxWeight: Float32Array;
}

/**
 * The share of documents above which a term counts as common, by index size. Fewer common
 * terms mean more postings to scan; more mean looser bounds and more documents to complete.
 * Measured on generated company names: about 2–3% best at 100k documents, 1.25% at 1M.
 */
export const defaultCommonFraction = (nDocs: number): number =>
  Math.min(0.05, 0.02 * (Math.max(nDocs, 1) / 100_000) ** -0.2);

/** Built in shared memory, so retrieval workers read it without a copy. */
export function buildCommonBlock(a: NameIndexArrays, fraction = defaultCommonFraction(a.nDocs)): CommonBlock {
  const nTerms = a.termOffsets.length - 1;
  const n = a.nDocs;
  const isCommon = new Uint8Array(new SharedArrayBuffer(nTerms));
  const limit = Math.max(fraction * n, 1);
  const counts = new Int32Array(n + 1);
  for (let t = 0; t < nTerms; t++) {
    const start = a.termOffsets[t]!;
    const end = a.termOffsets[t + 1]!;
    if (end - start <= limit) continue;
    isCommon[t] = 1;
    for (let p = start; p < end; p++) counts[a.postingDocs[p]! + 1]!++;
  }
  const offsets = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  for (let d = 0; d < n; d++) offsets[d + 1] = offsets[d]! + counts[d + 1]!;
  const cursor = offsets.slice(0, n);
  const terms = new Int32Array(new SharedArrayBuffer(4 * offsets[n]!));
  const weights = new Float32Array(new SharedArrayBuffer(4 * offsets[n]!));
  const sq = new Float64Array(n);
  const maxWeight = new Float32Array(new SharedArrayBuffer(4 * nTerms));
  for (let t = 0; t < nTerms; t++) {
    if (isCommon[t] === 0) continue;
    for (let p = a.termOffsets[t]!; p < a.termOffsets[t + 1]!; p++) {
      const d = a.postingDocs[p]!;
      const w = a.postingWeights[p]!;
      const at = cursor[d]!++;
      terms[at] = t;
      weights[at] = w;
      sq[d]! += w * w;
      if (w > maxWeight[t]!) maxWeight[t] = w;
    }
  }
  const norm = new Float32Array(new SharedArrayBuffer(4 * n));
  for (let d = 0; d < n; d++) norm[d] = Math.sqrt(sq[d]!);
  const byNorm = docsByNormDescending(norm);
  const nCountries = a.countries.length;
  const countryStart = new Int32Array(new SharedArrayBuffer(4 * (nCountries + 1)));
  for (let d = 0; d < n; d++) if (a.docCountry[d]! >= 0) countryStart[a.docCountry[d]! + 1]!++;
  for (let c = 0; c < nCountries; c++) countryStart[c + 1]! += countryStart[c]!;
  const fill = countryStart.slice(0, nCountries);
  const byCountry = new Int32Array(new SharedArrayBuffer(4 * countryStart[nCountries]!));
  for (const d of byNorm) if (a.docCountry[d]! >= 0) byCountry[fill[a.docCountry[d]!]!++] = d;
  const maxNorm = n > 0 ? norm[byNorm[0]!]! : 0;
  const steps = normSteps(maxNorm);
  const docKeys = buildDocKeys(a.docCountry, norm, steps);
  return {
    isCommon,
    offsets,
    terms,
    weights,
    norm,
    maxNorm,
    byNorm,
    byCountry,
    countryStart,
    docKeys,
    normSteps: steps,
    maxWeight,
  };
}

/** A document's common-term score: its common terms (in id order) times the query's weights, in float64. */
export function commonDot(common: CommonBlock, queryCommon: Float64Array, doc: number): number {
  let s = 0;
  const end = common.offsets[doc + 1]!;
  for (let e = common.offsets[doc]!; e < end; e++) s += queryCommon[common.terms[e]!]! * common.weights[e]!;
  return s;
}
