import type { CommonBlock } from './common-block.js';
import type { NameIndexArrays, SearchHit } from './name-index-arrays.js';
import { TopK } from './top-k.js';

/** Reusable per-index buffers (one search at a time); all zero between searches. */
export interface SearchScratch {
  readonly acc: Float32Array;
  readonly touched: Int32Array;
  /** Query weight per common term. */
  readonly queryCommon: Float64Array;
}

export interface WeightedQuery {
  readonly ids: readonly number[];
  readonly weights: readonly number[];
  /** Country id of the query (-1 for none) and the boost a document of that country gets. */
  readonly countryId: number;
  readonly boost: number;
}

/** Slack on bounds so float rounding never prunes a document that belongs in the top k. */
const SLACK = 1e-9;

/**
 * Exact top-k cosine (+ country boost). Postings of rare terms are scanned in full; the
 * common terms' share of each candidate's score comes from the candidate's own list of
 * common terms (see CommonBlock). A document is skipped only when its upper bound —
 * score so far + ‖q_common‖·‖d_common‖ + boost — is below the k-th best exact score,
 * and documents no rare term reached are visited by decreasing ‖d_common‖ until even
 * the largest remaining bound falls below it. The result equals scoring every document
 * that shares a term with the query.
 */
export function exactTopK(
  a: NameIndexArrays,
  common: CommonBlock,
  scratch: SearchScratch,
  q: WeightedQuery,
  k: number,
): SearchHit[] {
  if (k <= 0) return [];
  const { termOffsets, postingDocs, postingWeights, docCountry } = a;
  const { acc, touched, queryCommon } = scratch;
  const boost = q.countryId >= 0 ? q.boost : 0;
  // Documents of this country get the boost (-2 matches no document).
  const boosted = boost > 0 ? q.countryId : -2;

  // Rare terms, heaviest first: documents sharing the most telling terms are touched first,
  // so the k-th best score rises early and later candidates are cut by their bound.
  const order = q.ids.map((_, i) => i).sort((i, j) => q.weights[j]! - q.weights[i]! || q.ids[i]! - q.ids[j]!);
  let nTouched = 0;
  let commonSq = 0;
  for (const i of order) {
    const t = q.ids[i]!;
    const w = q.weights[i]!;
    if (common.isCommon[t] === 1) {
      queryCommon[t] = w;
      commonSq += w * w;
    } else {
      nTouched = scanTerm(
        postingDocs,
        postingWeights,
        termOffsets[t]!,
        termOffsets[t + 1]!,
        w,
        acc,
        touched,
        nTouched,
      );
    }
  }
  const commonNorm = Math.sqrt(commonSq) * (1 + SLACK) + SLACK;

  const top = new TopK(k);
  // The k-th best exact score so far, less slack (the heap root once the top is full).
  let theta = Number.NEGATIVE_INFINITY;
  // Documents reached by rare terms.
  const norm = common.norm;
  // Whatever a document's own numbers, it cannot gain more than this on its score so far.
  const gainAtMost = boost + commonNorm * common.maxNorm;
  for (let j = 0; j < nTouched; j++) {
    const doc = touched[j]!;
    // Cheap test first: it reads nothing about the document but its score so far.
    if (acc[doc]! + gainAtMost < theta) continue;
    const sure = acc[doc]! + (docCountry[doc] === boosted ? boost : 0);
    if (sure + commonNorm * norm[doc]! < theta) continue;
    top.offer(doc, sure + commonDot(common, queryCommon, doc));
    if (top.size === k) theta = top.scores[0]! - SLACK;
  }
  // Documents sharing only common terms with the query, by decreasing ‖d_common‖: first
  // those of the query's country (they get the boost), then all others.
  if (commonSq > 0) {
    const visit = (list: Int32Array, from: number, to: number, extra: number, skipCountry: number): void => {
      for (let j = from; j < to; j++) {
        const doc = list[j]!;
        const bound = commonNorm * norm[doc]!;
        if (bound === 0 || bound + extra < theta) break;
        if (acc[doc] !== 0 || docCountry[doc] === skipCountry) continue;
        const dot = commonDot(common, queryCommon, doc);
        if (dot > 0) {
          top.offer(doc, dot + extra);
          if (top.size === k) theta = top.scores[0]! - SLACK;
        }
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

  for (let j = 0; j < nTouched; j++) acc[touched[j]!] = 0;
  for (let i = 0; i < q.ids.length; i++) queryCommon[q.ids[i]!] = 0;
  return top.sorted();
}

function commonDot(common: CommonBlock, queryCommon: Float64Array, doc: number): number {
  let s = 0;
  const end = common.offsets[doc + 1]!;
  for (let e = common.offsets[doc]!; e < end; e++) s += queryCommon[common.terms[e]!]! * common.weights[e]!;
  return s;
}

/** Add one term's contribution to every document of its postings; returns the new touched count. */
function scanTerm(
  postingDocs: Int32Array,
  postingWeights: Float32Array,
  start: number,
  end: number,
  w: number,
  acc: Float32Array,
  touched: Int32Array,
  nTouched: number,
): number {
  for (let p = start; p < end; p++) {
    const doc = postingDocs[p]!;
    const a = acc[doc]!;
    if (a === 0) touched[nTouched++] = doc;
    acc[doc] = a + w * postingWeights[p]!;
  }
  return nTouched;
}
