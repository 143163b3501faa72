import { extractDocTerms, joinTerms } from './doc-terms.js';
import { RunInWorker } from './index-build-worker.js';
import { type IndexRecords, indexRecordAt } from './index-records.js';
import type { NameIndexArrays } from './name-index-arrays.js';
import { blockIndex, blockWeightArray, type NameIndexOptions } from './name-index-options.js';
import { scatterPostings } from './scatter-postings.js';

/**
 * From this many documents on, a worker thread builds the second half's postings while this
 * thread builds the first's (below it, starting the worker costs more than it saves).
 */
export const PARALLEL_BUILD_MIN_DOCS = 200_000;

/**
 * One pass over the records collects each document's terms (as ids, with frequencies) and the
 * document frequencies; a second computes TF-IDF weights, L2-normalizes each document and
 * scatters them into postings sorted by document. For large indexes a worker thread does both
 * passes over the second half of the documents while this thread does the first half (the
 * arrays are the same either way, bit for bit).
 */
export function buildIndexArrays(
  records: IndexRecords,
  options: NameIndexOptions,
  parallelMinDocs = PARALLEL_BUILD_MIN_DOCS,
): NameIndexArrays {
  const nDocs = records.length;
  const recordAt = indexRecordAt(records);
  const withTicker = options.blockWeights.t > 0;
  const half = nDocs >= Math.max(parallelMinDocs, 2) ? Math.ceil(nDocs / 2) : nDocs;
  const worker = half < nDocs ? new RunInWorker(recordAt, half, nDocs, withTicker) : null;
  const head = extractDocTerms(recordAt, half, withTicker);
  const joined = worker ? joinTerms(head, worker.terms()) : null;
  const terms = head.terms;
  const df = joined ? joined.df : head.df;

  const nTerms = terms.length;
  // Shared memory: the worker writes its postings into the same arrays, and retrieval workers
  // read them without a copy.
  const idf = new Float32Array(new SharedArrayBuffer(nTerms * 4));
  const termBlockWeight = new Float64Array(new SharedArrayBuffer(nTerms * 8));
  const blockWeights = blockWeightArray(options);
  for (let t = 0; t < nTerms; t++) {
    idf[t] = Math.log((nDocs + 1) / (df[t]! + 1)) + 1;
    termBlockWeight[t] = blockWeights[blockIndex(terms[t]![0]!)]!;
  }
  const termOffsets = new Int32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) termOffsets[t + 1] = termOffsets[t]! + df[t]!;
  const nPostings = termOffsets[nTerms]!;
  const postingDocs = new Int32Array(new SharedArrayBuffer(nPostings * 4));
  const postingWeights = new Float32Array(new SharedArrayBuffer(nPostings * 4));
  const targets = { idf, termBlockWeight, postingDocs, postingWeights };
  if (worker && joined) {
    // The second half's postings of a term follow the first half's.
    const cursor = new Int32Array(nTerms);
    for (let t = 0; t < nTerms; t++) cursor[t] = termOffsets[t]! + (t < head.df.length ? head.df[t]! : 0);
    worker.scatter({ ...targets, cursor, remap: joined.remap, first: half });
  }
  scatterPostings(head, 0, { ...targets, cursor: termOffsets.slice(0, nTerms) });
  worker?.finish();
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
