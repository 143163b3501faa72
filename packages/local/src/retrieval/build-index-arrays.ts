import { appendDocTerms, type DocTerms, extractDocTerms } from './doc-terms.js';
import { DocTermsInWorker } from './index-build-worker.js';
import { type IndexRecords, indexRecordAt } from './index-records.js';
import type { NameIndexArrays } from './name-index-arrays.js';
import { blockIndex, blockWeightArray, type NameIndexOptions } from './name-index-options.js';

/**
 * From this many documents on, a worker thread extracts the terms of the second half while
 * this thread does the first (below it, starting the worker costs more than it saves).
 */
export const PARALLEL_BUILD_MIN_DOCS = 200_000;

/**
 * One pass over the records collects each document's terms (as ids, with frequencies) and the
 * document frequencies, on two threads for large indexes (the arrays are the same either way);
 * a second computes TF-IDF weights, L2-normalizes each document and scatters them into
 * postings sorted by document.
 */
export function buildIndexArrays(
  records: IndexRecords,
  options: NameIndexOptions,
  parallelMinDocs = PARALLEL_BUILD_MIN_DOCS,
): NameIndexArrays {
  const nDocs = records.length;
  const recordAt = indexRecordAt(records);
  const withTicker = options.blockWeights.t > 0;
  let runs: { first: number; docs: DocTerms }[];
  let terms: string[];
  let df: Int32Array;
  if (nDocs >= Math.max(parallelMinDocs, 2)) {
    const half = Math.ceil(nDocs / 2);
    const worker = new DocTermsInWorker(recordAt, half, nDocs, withTicker);
    const head = extractDocTerms(recordAt, half, withTicker);
    const joined = appendDocTerms(head, worker.take());
    runs = [
      { first: 0, docs: head },
      { first: half, docs: joined.tail },
    ];
    ({ terms, df } = joined);
  } else {
    const all = extractDocTerms(recordAt, nDocs, withTicker);
    runs = [{ first: 0, docs: all }];
    ({ terms, df } = all);
  }

  const nTerms = terms.length;
  const idf = new Float32Array(nTerms);
  const termBlockWeight = new Float64Array(nTerms);
  const blockWeights = blockWeightArray(options);
  for (let t = 0; t < nTerms; t++) {
    idf[t] = Math.log((nDocs + 1) / (df[t]! + 1)) + 1;
    termBlockWeight[t] = blockWeights[blockIndex(terms[t]![0]!)]!;
  }
  const termOffsets = new Int32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) termOffsets[t + 1] = termOffsets[t]! + df[t]!;
  const cursor = termOffsets.slice(0, nTerms);
  const postingDocs = new Int32Array(termOffsets[nTerms]!);
  const postingWeights = new Float32Array(termOffsets[nTerms]!);
  for (const { first, docs } of runs) {
    const { docOffsets, docTerms, docTf } = docs;
    const count = docOffsets.length - 1;
    for (let i = 0; i < count; i++) {
      const start = docOffsets[i]!;
      const end = docOffsets[i + 1]!;
      let norm = 0;
      for (let e = start; e < end; e++) {
        const t = docTerms[e]!;
        const w = termBlockWeight[t]! * (1 + Math.log(docTf[e]!)) * idf[t]!;
        norm += w * w;
      }
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let e = start; e < end; e++) {
        const t = docTerms[e]!;
        const w = termBlockWeight[t]! * (1 + Math.log(docTf[e]!)) * idf[t]!;
        const p = cursor[t]!++;
        postingDocs[p] = first + i;
        postingWeights[p] = w * inv;
      }
    }
  }
  const countryList: string[] = [];
  const countryIds = new Map<string, number>();
  const docCountry = new Int32Array(nDocs).fill(-1);
  for (let d = 0; d < nDocs; d++) {
    const c = recordAt(d).country;
    if (c === null || c === undefined || c === '') continue;
    let id = countryIds.get(c);
    if (id === undefined) {
      id = countryList.length;
      countryIds.set(c, id);
      countryList.push(c);
    }
    docCountry[d] = id;
  }
  return {
    nDocs,
    terms,
    idf,
    termOffsets,
    postingDocs,
    postingWeights,
    docCountry,
    countries: countryList,
    options,
  };
}
