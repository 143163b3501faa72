import { type CommonBlock, commonDot } from './common-block.js';
import type { Leaders } from './leaders.js';
import type { NameIndexArrays } from './name-index-arrays.js';
import type { SearchScratch } from './search-scratch.js';

export interface CommonQuery {
  /** The query's common terms (their weights are in scratch.queryCommon, by slot). */
  readonly ids: readonly number[];
  /** ‖q_common‖, rounded up. */
  readonly norm: number;
  readonly countryId: number;
  /** The boost a document of the query's country gets (0 for none). */
  readonly boost: number;
}

/** How documents sharing only common terms are found: by their norm, by reading postings, or the cheaper (speed only). */
export type CommonOnlyStrategy = 'auto' | 'visit' | 'scan';

/** One visit (a document picked by its norm, its common terms read) costs about this many postings read in order. */
const VISIT_COST = 64;
/** Above any float32 rounding of a sum of common-term products (each at most 1). */
const SUM_SLACK = 1e-5;

/**
 * Offers the documents that share only common terms with the query (those no rare term
 * reached). A document's score is then at most ‖q_common‖·‖d_common‖ + its boost, so they are
 * visited by decreasing ‖d_common‖ until that bound falls below the k-th best: first the query
 * country's documents, then all others. When the k-th best is so low that many documents pass
 * that bound, reading the common terms' postings window by window is cheaper: a float32 sum
 * over them bounds each document's score, and only documents whose bound reaches the k-th
 * best, and whose ‖q_common‖·‖d_common‖ does too, are scored exactly (terms too light to
 * matter are not read at all). Both give the very scores `commonDot` gives.
 */
export function commonOnlyTopK(
  a: NameIndexArrays,
  common: CommonBlock,
  scratch: SearchScratch,
  q: CommonQuery,
  leaders: Leaders,
  strategy: CommonOnlyStrategy = 'auto',
): void {
  const candidates = countAbove(common, q.norm, leaders.theta - q.boost);
  if (candidates === 0) return;
  let postings = 0;
  for (const t of q.ids) postings += a.termOffsets[t + 1]! - a.termOffsets[t]!;
  const scan = strategy === 'auto' ? candidates * VISIT_COST > postings : strategy === 'scan';
  if (scan) scanCommonTerms(a, common, scratch, q, leaders);
  else visitByNorm(a, common, scratch, q, leaders);
}

/** How many documents have ‖q_common‖·‖d_common‖ ≥ floor (a binary search down byNorm). */
function countAbove(common: CommonBlock, qNorm: number, floor: number): number {
  let lo = 0;
  let hi = common.byNorm.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const bound = qNorm * common.norm[common.byNorm[mid]!]!;
    if (bound > 0 && bound >= floor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function visitByNorm(
  a: NameIndexArrays,
  common: CommonBlock,
  scratch: SearchScratch,
  q: CommonQuery,
  leaders: Leaders,
): void {
  const { docCountry } = a;
  const { reached, queryCommon } = scratch;
  const visit = (list: Int32Array, from: number, to: number, extra: number, skipCountry: number): void => {
    for (let j = from; j < to; j++) {
      const doc = list[j]!;
      const bound = q.norm * common.norm[doc]!;
      if (bound === 0 || bound + extra < leaders.theta) break;
      if ((reached[doc >>> 5]! & (1 << (doc & 31))) !== 0 || docCountry[doc] === skipCountry) continue;
      const dot = commonDot(common, queryCommon, doc);
      if (dot > 0) leaders.offer(doc, dot + extra);
    }
  };
  if (q.boost > 0) {
    const c = q.countryId;
    visit(common.byCountry, common.countryStart[c]!, common.countryStart[c + 1]!, q.boost, -2);
    visit(common.byNorm, 0, common.byNorm.length, 0, c);
  } else {
    visit(common.byNorm, 0, common.byNorm.length, 0, -2);
  }
}

function scanCommonTerms(
  a: NameIndexArrays,
  common: CommonBlock,
  scratch: SearchScratch,
  q: CommonQuery,
  leaders: Leaders,
): void {
  const { termOffsets, postingDocs, postingWeights, docCountry } = a;
  const { acc, mark, reached, queryCommon } = scratch;
  const window = acc.length;
  const boosted = q.boost > 0 ? q.countryId : -2;
  // MaxScore: the terms whose largest contributions, all together, cannot lift a document to
  // the k-th best are not read; a document none of the others holds cannot qualify, and those
  // that do are scored from their own common terms, these included.
  const { slot } = common;
  const bound = (t: number): number => queryCommon[slot[t]!]! * common.maxWeight[slot[t]!]! * (1 + SUM_SLACK);
  const byBound = [...q.ids].sort((x, y) => bound(x) - bound(y));
  let unread = 0;
  let skipped = 0;
  while (skipped < byBound.length && unread + bound(byBound[skipped]!) + q.boost < leaders.theta) {
    unread += bound(byBound[skipped]!);
    skipped++;
  }
  const read = byBound.slice(skipped);
  const cursor = read.map((t) => termOffsets[t]!);
  const end = read.map((t) => termOffsets[t + 1]!);
  const weight = read.map((t) => queryCommon[slot[t]!]!);
  for (let base = 0; base < a.nDocs; base += window) {
    const limit = base + window;
    for (let i = 0; i < read.length; i++) {
      const w = weight[i]!;
      const stop = end[i]!;
      let p = cursor[i]!;
      for (; p < stop; p++) {
        const doc = postingDocs[p]!;
        if (doc >= limit) break;
        const local = doc - base;
        acc[local] = acc[local]! + w * postingWeights[p]!;
        mark[local >>> 5]! |= 1 << (local & 31);
      }
      cursor[i] = p;
    }
    for (let word = 0; word < mark.length; word++) {
      let bits = mark[word]!;
      if (bits === 0) continue;
      mark[word] = 0;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const local = (word << 5) | (31 - Math.clz32(low));
        const s = acc[local]!;
        acc[local] = 0;
        const doc = base + local;
        if ((reached[doc >>> 5]! & (1 << (doc & 31))) !== 0) continue;
        const extra = docCountry[doc] === boosted ? q.boost : 0;
        if (s + unread + SUM_SLACK + extra < leaders.theta) continue;
        // The same bound visitByNorm stops at: most documents that pass the postings' sum fail it.
        if (q.norm * common.norm[doc]! + extra < leaders.theta) continue;
        const dot = commonDot(common, queryCommon, doc);
        if (dot > 0) leaders.offer(doc, dot + extra);
      }
    }
  }
}
