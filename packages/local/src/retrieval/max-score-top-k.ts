import type { CommonBlock } from './common-block.js';
import type { DocVectors } from './doc-vectors.js';
import type { NameIndexArrays, SearchHit } from './name-index.js';
import { TopK } from './top-k.js';

/** Reusable per-index buffers (one search at a time); all zero between searches. */
export interface MaxScoreScratch {
  /** Partial score per document from the rare terms scanned so far. */
  readonly acc: Float32Array;
  readonly touched: Int32Array;
  /** 1 once a document was scored exactly in this search. */
  readonly done: Uint8Array;
  /** Query weight per term. */
  readonly queryWeight: Float64Array;
  /** Per term: 0 not in the query, -1 a common term, r > 0 a rare term of rank r (see below). */
  readonly queryRank: Int32Array;
}

export function maxScoreScratch(nDocs: number, nTerms: number): MaxScoreScratch {
  return {
    acc: new Float32Array(nDocs),
    touched: new Int32Array(nDocs),
    done: new Uint8Array(nDocs),
    queryWeight: new Float64Array(nTerms),
    queryRank: new Int32Array(nTerms),
  };
}

export interface WeightedQuery {
  readonly ids: readonly number[];
  readonly weights: readonly number[];
  /** Country id of the query (-1 for none) and the boost a document of that country gets. */
  readonly countryId: number;
  readonly boost: number;
}

/**
 * Slack on upper bounds. Partial scores are float32 sums taken in another order than the
 * exact score's, so a bound may fall short of the exact score by a few float32 ulps; this
 * covers a hundred terms' worth of rounding and never prunes a document that belongs.
 */
const BOUND_SLACK = 2e-5;
/** Terms this rare have their documents scored at once: the k-th best score rises early. */
const EAGER_DF = 32;
/** While fewer documents are touched, the best of them by partial score are scored after each term. */
const SEED_TOUCHED = 4096;

/**
 * Exact top-k cosine (+ country boost) with MaxScore pruning over the rare terms.
 *
 * Scores are the ones brute force computes: a document's rare-term part is summed in
 * float32 in the query's term order (weight descending, then term id) and its common-term
 * part in float64 in term-id order, from the document's own vector (DocVectors).
 *
 * Rare terms are scanned in decreasing order of the most they can add to any document
 * (query weight × the term's largest weight). Once what the unscanned rare terms can add,
 * plus what the common terms can add (‖q_common‖ · max ‖d_common‖, Cauchy–Schwarz), plus the
 * boost, is below the k-th best exact score, no document they alone reach can enter the top
 * k: scanning stops, and each touched document whose partial score plus that remainder can
 * still reach the k-th best is scored exactly. Documents reached by no scanned term are
 * visited by decreasing ‖d_common‖ until even the largest remaining bound falls below it.
 * Ties break by document order, as brute force does.
 */
export function maxScoreTopK(
  a: NameIndexArrays,
  common: CommonBlock,
  vectors: DocVectors,
  scratch: MaxScoreScratch,
  q: WeightedQuery,
  k: number,
): SearchHit[] {
  if (k <= 0) return [];
  const { termOffsets, postingDocs, postingWeights, docCountry } = a;
  const { acc, touched, done, queryWeight, queryRank } = scratch;
  const boost = q.countryId >= 0 ? q.boost : 0;
  const boosted = boost > 0 ? q.countryId : -2;

  // The query's term order (weight descending, then id) fixes how rare parts are summed.
  const order = q.ids.map((_, i) => i).sort((i, j) => q.weights[j]! - q.weights[i]! || q.ids[i]! - q.ids[j]!);
  const rare: number[] = [];
  let commonSq = 0;
  let rank = 0;
  for (const i of order) {
    const t = q.ids[i]!;
    const w = q.weights[i]!;
    queryWeight[t] = w;
    if (common.isCommon[t] === 1) {
      queryRank[t] = -1;
      commonSq += w * w;
    } else {
      queryRank[t] = ++rank;
      rare.push(t);
    }
  }
  const commonNorm = Math.sqrt(commonSq) * (1 + 1e-9) + 1e-9;
  const commonGain = commonNorm * common.maxNorm;

  // Scan order: the most any document can gain from the term, largest first.
  const gain = (t: number): number => queryWeight[t]! * vectors.termMax[t]!;
  rare.sort((x, y) => gain(y) - gain(x) || x - y);
  // rest[i]: what rare terms i.. can add to any document at most: the sum of their gains, and
  // (Cauchy–Schwarz, documents being unit vectors) their query norm. unreached[i]: the same
  // for a document no term before i reached, common terms included.
  const rest = new Float64Array(rare.length + 1);
  const unreached = new Float64Array(rare.length + 1);
  let gains = 0;
  let squares = 0;
  for (let i = rare.length; i >= 0; i--) {
    if (i < rare.length) {
      const t = rare[i]!;
      gains += gain(t);
      squares += queryWeight[t]! * queryWeight[t]!;
    }
    const norm = Math.sqrt(squares) * (1 + 1e-9);
    rest[i] = Math.min(gains, norm);
    unreached[i] = Math.min(gains + commonGain, Math.sqrt(squares + commonSq) * (1 + 1e-9) + 1e-9);
  }

  const top = new TopK(k);
  let theta = Number.NEGATIVE_INFINITY;
  const offer = (doc: number): void => {
    const score = exactScore(vectors, queryWeight, queryRank, doc, docCountry[doc] === boosted ? boost : 0);
    if (score > 0) {
      top.offer(doc, score);
      if (top.size === k) theta = top.scores[0]! - BOUND_SLACK;
    }
  };

  let nTouched = 0;
  let m = 0;
  for (; m < rare.length; m++) {
    if (unreached[m]! + boost < theta) break;
    const t = rare[m]!;
    const w = queryWeight[t]!;
    const start = termOffsets[t]!;
    const end = termOffsets[t + 1]!;
    for (let p = start; p < end; p++) {
      const doc = postingDocs[p]!;
      const x = acc[doc]!;
      if (x === 0) touched[nTouched++] = doc;
      acc[doc] = x + w * postingWeights[p]!;
    }
    if (end - start <= EAGER_DF) {
      for (let p = start; p < end; p++) {
        const doc = postingDocs[p]!;
        if (done[doc] === 0) {
          done[doc] = 1;
          offer(doc);
        }
      }
    } else if (top.size < k && nTouched >= k) {
      seed(acc, touched, nTouched, done, k, offer);
    }
  }

  // Touched documents: partial score + what is left can still reach the k-th best?
  const remaining = rest[m]!;
  const norm = common.norm;
  for (let j = 0; j < nTouched; j++) {
    const doc = touched[j]!;
    if (done[doc] === 1) continue;
    const x = acc[doc]! + remaining + BOUND_SLACK;
    if (x + boost + commonGain < theta) continue;
    if (x + (docCountry[doc] === boosted ? boost : 0) + commonNorm * norm[doc]! < theta) continue;
    done[doc] = 1;
    offer(doc);
  }

  // Documents no scanned term reached, by decreasing ‖d_common‖: first those of the query's
  // country (they get the boost), then all others. (Scanning stopped early only when even the
  // largest of these bounds is below the k-th best, so then nothing is visited.)
  if (commonSq > 0 && m === rare.length) {
    const visit = (list: Int32Array, from: number, to: number, extra: number, skipCountry: number): void => {
      for (let j = from; j < to; j++) {
        const doc = list[j]!;
        const bound = commonNorm * norm[doc]!;
        if (bound === 0 || bound + extra < theta) break;
        if (acc[doc] !== 0 || docCountry[doc] === skipCountry) continue;
        offer(doc);
      }
    };
    if (boost > 0) {
      const c = q.countryId;
      visit(common.byCountry, common.countryStart[c]!, common.countryStart[c + 1]!, boost, -2);
      visit(common.byNorm, 0, common.byNorm.length, 0, c);
    } else {
      visit(common.byNorm, 0, common.byNorm.length, 0, -2);
    }
  }

  for (let j = 0; j < nTouched; j++) {
    const doc = touched[j]!;
    acc[doc] = 0;
    done[doc] = 0;
  }
  for (let i = 0; i < q.ids.length; i++) {
    queryWeight[q.ids[i]!] = 0;
    queryRank[q.ids[i]!] = 0;
  }
  return top.sorted();
}

/** Score exactly the k touched documents with the best partial scores that are not scored yet. */
function seed(
  acc: Float32Array,
  touched: Int32Array,
  nTouched: number,
  done: Uint8Array,
  k: number,
  offer: (doc: number) => void,
): void {
  const best = new TopK(k);
  for (let j = 0; j < nTouched; j++) {
    const doc = touched[j]!;
    if (done[doc] === 0) best.offer(doc, acc[doc]!);
  }
  for (let i = 0; i < best.size; i++) {
    const doc = best.docs[i]!;
    done[doc] = 1;
    offer(doc);
  }
}

let rankBuf = new Int32Array(256);
let productBuf = new Float64Array(256);

/**
 * A document's score, summed as brute force sums it: rare terms in float32 in query rank
 * order, then the boost, then common terms in float64 in term-id order.
 */
function exactScore(
  vectors: DocVectors,
  queryWeight: Float64Array,
  queryRank: Int32Array,
  doc: number,
  boost: number,
): number {
  const { offsets, terms, weights } = vectors;
  let n = 0;
  let commonPart = 0;
  const end = offsets[doc + 1]!;
  for (let e = offsets[doc]!; e < end; e++) {
    const t = terms[e]!;
    const r = queryRank[t]!;
    if (r === 0) continue;
    const product = queryWeight[t]! * weights[e]!;
    if (r < 0) {
      commonPart += product;
      continue;
    }
    if (n === rankBuf.length) {
      const ranks = new Int32Array(n * 2);
      const products = new Float64Array(n * 2);
      ranks.set(rankBuf);
      products.set(productBuf);
      rankBuf = ranks;
      productBuf = products;
    }
    // Insertion by rank (a handful of entries).
    let i = n++;
    while (i > 0 && rankBuf[i - 1]! > r) {
      rankBuf[i] = rankBuf[i - 1]!;
      productBuf[i] = productBuf[i - 1]!;
      i--;
    }
    rankBuf[i] = r;
    productBuf[i] = product;
  }
  if (n === 0 && commonPart === 0) return 0;
  let rarePart = 0;
  for (let i = 0; i < n; i++) rarePart = Math.fround(rarePart + productBuf[i]!);
  return rarePart + boost + commonPart;
}
