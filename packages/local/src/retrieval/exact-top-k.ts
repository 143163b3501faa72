import { type CommonBlock, commonDot } from './common-block.js';
import { type CommonOnlyStrategy, commonOnlyTopK } from './common-only-top-k.js';
import { keyCountry } from './doc-keys.js';
import { Leaders, SLACK } from './leaders.js';
import type { NameIndexArrays, SearchHit } from './name-index-arrays.js';
import type { SearchScratch } from './search-scratch.js';
import { type RareTerms, rareScoreOf, seedDocs } from './seed-top-k.js';

export interface WeightedQuery {
  readonly ids: readonly number[];
  readonly weights: readonly number[];
  /** Country id of the query (-1 for none) and the boost a document of that country gets. */
  readonly countryId: number;
  readonly boost: number;
}

/**
 * Exact top-k cosine (+ country boost). Rare terms' postings are all read, window by window of
 * documents; the common terms' share of a candidate's score comes from the candidate's own
 * list of common terms (see CommonBlock). First the documents of the heaviest rare term are
 * scored exactly (seedDocs), so the k-th best score is high from the start; then each window's
 * documents are taken in document order, and one is skipped only when its upper bound —
 * rare-term score + ‖q_common‖·‖d_common‖ + boost — is below the k-th best exact score.
 * Documents no rare term reached are searched last (commonOnlyTopK). Every score is summed in
 * the same order whatever the window (rare terms in float32 by decreasing query weight, then
 * the boost, then the common terms), so the result equals scoring every document that shares
 * a term with the query, bit for bit.
 */
export function exactTopK(
  a: NameIndexArrays,
  common: CommonBlock,
  scratch: SearchScratch,
  q: WeightedQuery,
  k: number,
  commonOnly: CommonOnlyStrategy = 'auto',
): SearchHit[] {
  if (k <= 0) return [];
  const { termOffsets, postingDocs, postingWeights, docCountry } = a;
  const { acc, reached, queryCommon } = scratch;
  const window = acc.length;
  const boost = q.countryId >= 0 ? q.boost : 0;
  // Documents of this country get the boost (-2 matches no document).
  const boosted = boost > 0 ? q.countryId : -2;

  // Rare terms by decreasing weight (ties by id): the order every document's score is summed in.
  const order = q.ids.map((_, i) => i).sort((i, j) => q.weights[j]! - q.weights[i]! || q.ids[i]! - q.ids[j]!);
  const rare: RareTerms = { cursor: [], end: [], weight: [] };
  const commonIds: number[] = [];
  let commonSq = 0;
  for (const i of order) {
    const t = q.ids[i]!;
    const w = q.weights[i]!;
    const slot = common.slot[t]!;
    if (slot >= 0) {
      queryCommon[slot] = w;
      commonIds.push(t);
      commonSq += w * w;
    } else {
      rare.cursor.push(termOffsets[t]!);
      rare.end.push(termOffsets[t + 1]!);
      rare.weight.push(w);
    }
  }
  const commonNorm = Math.sqrt(commonSq) * (1 + SLACK) + SLACK;
  const { docKeys, normSteps } = common;
  const leaders = new Leaders(k);

  const seeds = seedDocs(postingDocs, rare);
  for (const doc of seeds) {
    const sure =
      rareScoreOf(doc, postingDocs, postingWeights, rare) + (docCountry[doc] === boosted ? boost : 0);
    leaders.offer(doc, sure + commonDot(common, queryCommon, doc));
  }
  let nextSeed = 0;

  // Whatever a document's own numbers, it cannot gain more than this on its rare-term score.
  const gainAtMost = boost + commonNorm * common.maxNorm;
  const nRare = rare.weight.length;
  for (let base = 0; base < a.nDocs && nRare > 0; base += window) {
    const limit = base + window;
    for (let i = 0; i < nRare; i++) {
      const w = rare.weight[i]!;
      const end = rare.end[i]!;
      let p = rare.cursor[i]!;
      for (; p < end; p++) {
        const doc = postingDocs[p]!;
        if (doc >= limit) break;
        acc[doc - base] = acc[doc - base]! + w * postingWeights[p]!;
        reached[doc >>> 5]! |= 1 << (doc & 31);
      }
      rare.cursor[i] = p;
    }
    // The window's documents in order, so the per-document arrays are read front to back.
    const lastWord = Math.min(limit, a.nDocs + 31) >>> 5;
    for (let word = base >>> 5; word < lastWord; word++) {
      let bits = reached[word]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const doc = (word << 5) | (31 - Math.clz32(low));
        const s = acc[doc - base]!;
        acc[doc - base] = 0;
        while (nextSeed < seeds.length && seeds[nextSeed]! < doc) nextSeed++;
        if (seeds[nextSeed] === doc) continue; // scored already
        // Cheap test first: it reads nothing about the document but its score so far; then
        // one 16-bit key with the document's country and (rounded-up) common norm.
        if (s + gainAtMost < leaders.theta) continue;
        const key = docKeys[doc]!;
        const sure = s + (keyCountry(key, docCountry, doc) === boosted ? boost : 0);
        if (sure + commonNorm * normSteps[key & 255]! < leaders.theta) continue;
        leaders.offer(doc, sure + commonDot(common, queryCommon, doc));
      }
    }
  }

  if (commonSq > 0) {
    commonOnlyTopK(
      a,
      common,
      scratch,
      { ids: commonIds, norm: commonNorm, countryId: q.countryId, boost },
      leaders,
      commonOnly,
    );
  }
  reached.fill(0);
  for (const t of commonIds) queryCommon[common.slot[t]!] = 0;
  return leaders.top.sorted();
}
