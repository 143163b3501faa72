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
  /**
   * Per term, its slot among the common terms (slots follow term ids), or -1 for a rare term.
   * Slots fit 16 bits, so each document's list of common terms takes 2 bytes per entry, not
   * 4 (30 MB less at 1M rows), and a query's common weights take one entry per slot (462 at
   * 1M rows) instead of one per term (379,130).
   */
  readonly slot: Int32Array;
  /** How many common terms there are (at most MAX_COMMON_TERMS). */
  readonly slots: number;
  /** Per document, its common terms (as slots, ascending) and weights (CSR). */
  readonly offsets: Int32Array;
  readonly terms: Uint16Array;
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
  /** Per slot, its term's largest weight in any document. */
  readonly maxWeight: Float32Array;
}

/** Slots are 16-bit: past this many frequent terms, the most frequent are the common ones. */
export const MAX_COMMON_TERMS = 65_536;

/**
 * The share of documents above which a term counts as common, by index size. Fewer common
 * terms mean more postings to scan; more mean looser bounds and more documents to complete.
 * Measured on generated company names: about 2–3% best at 100k documents, 1.25% at 1M.
 */
export const defaultCommonFraction = (nDocs: number): number =>
  Math.min(0.05, 0.02 * (Math.max(nDocs, 1) / 100_000) ** -0.2);

/** Built in shared memory, so retrieval workers read it without a copy. */
export function buildCommonBlock(
  a: NameIndexArrays,
  fraction = defaultCommonFraction(a.nDocs),
  maxCommonTerms = MAX_COMMON_TERMS,
): CommonBlock {
  const nTerms = a.termOffsets.length - 1;
  const n = a.nDocs;
  const common = commonTerms(
    a.termOffsets,
    Math.max(fraction * n, 1),
    Math.min(maxCommonTerms, MAX_COMMON_TERMS),
  );
  const slot = new Int32Array(new SharedArrayBuffer(4 * nTerms)).fill(-1);
  common.forEach((t, i) => {
    slot[t] = i;
  });
  const counts = new Int32Array(n + 1);
  for (const t of common)
    for (let p = a.termOffsets[t]!; p < a.termOffsets[t + 1]!; p++) counts[a.postingDocs[p]! + 1]!++;
  const offsets = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  for (let d = 0; d < n; d++) offsets[d + 1] = offsets[d]! + counts[d + 1]!;
  const cursor = offsets.slice(0, n);
  const terms = new Uint16Array(new SharedArrayBuffer(2 * offsets[n]!));
  const weights = new Float32Array(new SharedArrayBuffer(4 * offsets[n]!));
  const sq = new Float64Array(n);
  const maxWeight = new Float32Array(new SharedArrayBuffer(4 * common.length));
  common.forEach((t, i) => {
    for (let p = a.termOffsets[t]!; p < a.termOffsets[t + 1]!; p++) {
      const d = a.postingDocs[p]!;
      const w = a.postingWeights[p]!;
      const at = cursor[d]!++;
      terms[at] = i;
      weights[at] = w;
      sq[d]! += w * w;
      if (w > maxWeight[i]!) maxWeight[i] = w;
    }
  });
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
    slot,
    slots: common.length,
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

/**
 * The terms in more than `limit` documents, by ascending id; past `max` of them, the most
 * frequent (ties by id). Which terms are common changes speed only, never results.
 */
function commonTerms(termOffsets: Int32Array, limit: number, max: number): number[] {
  const df = (t: number): number => termOffsets[t + 1]! - termOffsets[t]!;
  const frequent: number[] = [];
  for (let t = 0; t + 1 < termOffsets.length; t++) if (df(t) > limit) frequent.push(t);
  if (frequent.length <= max) return frequent;
  return frequent
    .sort((x, y) => df(y) - df(x) || x - y)
    .slice(0, max)
    .sort((x, y) => x - y);
}

/** A document's common-term score: its common terms (in id order) times the query's weights (by slot), in float64. */
export function commonDot(common: CommonBlock, queryCommon: Float64Array, doc: number): number {
  let s = 0;
  const end = common.offsets[doc + 1]!;
  for (let e = common.offsets[doc]!; e < end; e++) s += queryCommon[common.terms[e]!]! * common.weights[e]!;
  return s;
}
