import type { IndexRecord } from './name-index-arrays.js';
import { asciiTrigramTerm, type NameTermVisitor, visitNameTerms, wordTerms } from './name-terms.js';

/**
 * The first pass of an index build over a run of documents: each document's distinct terms
 * as ids in increasing order with their frequencies, and each term's document frequency.
 * Ids number the terms in the order they first occur in these documents.
 */
export interface DocTerms {
  /** Term id → text. */
  readonly terms: string[];
  /** Document frequency per term id (the array may be longer than `terms`). */
  readonly df: Int32Array;
  /** Document d's entries are [docOffsets[d], docOffsets[d + 1]) of docTerms and docTf. */
  readonly docOffsets: Int32Array;
  readonly docTerms: Int32Array;
  readonly docTf: Uint16Array;
}

/** The term ids of documents `recordAt(0 .. nDocs)`. */
export function extractDocTerms(
  recordAt: (d: number) => IndexRecord,
  nDocs: number,
  withTicker: boolean,
): DocTerms {
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  let df: Int32Array = new Int32Array(1024);
  let docTerms: Int32Array = new Int32Array(Math.max(1024, nDocs * 24));
  let docTf: Uint16Array = new Uint16Array(docTerms.length);
  const docOffsets = new Int32Array(nDocs + 1);
  let nEntries = 0;
  // ASCII 3-grams (two thirds of all terms) find their id in a table, not the map: at 10M rows
  // the map lookups were most of the build. One document's term ids collect in `ids[0 .. n)`.
  const trigramIds = new Int32Array(1 << 21).fill(-1);
  let ids = new Int32Array(256);
  let n = 0;
  const push = (id: number): void => {
    if (n === ids.length) ids = grow(ids, n * 2);
    ids[n++] = id;
  };
  const newId = (term: string): number => {
    const id = terms.length;
    terms.push(term);
    if (id >= df.length) df = grow(df, df.length * 2);
    return id;
  };
  const termId = (term: string): number => {
    let id = vocab.get(term);
    if (id === undefined) {
      id = newId(term);
      vocab.set(term, id);
    }
    return id;
  };
  // A word's terms (the word and its prefixes) have the same ids wherever it occurs: one map
  // lookup per word instead of one per term. The ids lie in `wordPool`; the map holds where
  // (offset · 8 + count: a word has at most 1 + PREFIX_MAX - PREFIX_MIN + 1 terms).
  const wordAt = new Map<string, number>();
  let wordPool = new Int32Array(1 << 16);
  let wordPoolLength = 0;
  const visitor: NameTermVisitor = {
    trigram(code) {
      let id = trigramIds[code]!;
      if (id < 0) {
        id = newId(asciiTrigramTerm(code));
        trigramIds[code] = id;
      }
      push(id);
    },
    word(word) {
      let at = wordAt.get(word);
      if (at === undefined) {
        const wordIds = wordTerms(word).map(termId);
        if (wordPoolLength + wordIds.length > wordPool.length) wordPool = grow(wordPool, wordPool.length * 2);
        wordPool.set(wordIds, wordPoolLength);
        at = wordPoolLength * 8 + wordIds.length;
        wordPoolLength += wordIds.length;
        wordAt.set(word, at);
      }
      const end = Math.floor(at / 8) + (at % 8);
      for (let i = Math.floor(at / 8); i < end; i++) push(wordPool[i]!);
    },
    term(term) {
      push(termId(term));
    },
  };
  for (let d = 0; d < nDocs; d++) {
    n = 0;
    const record = recordAt(d);
    visitNameTerms(record.company_name, withTicker ? (record.ticker ?? null) : null, visitor);
    ids.subarray(0, n).sort();
    if (nEntries + n > docTerms.length) {
      // Room for the rest at the rate so far (plus 5%): one more copy, not a doubling (10M rows: ~2 GB).
      const size = Math.max(nEntries + n, Math.ceil(((nEntries / (d + 1)) * nDocs * 21) / 20) + 1024);
      docTerms = grow(docTerms, size);
      docTf = grow(docTf, size);
    }
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && ids[j] === ids[i]) j++;
      docTerms[nEntries] = ids[i]!;
      docTf[nEntries] = Math.min(j - i, 65535);
      df[ids[i]!]!++;
      nEntries++;
      i = j;
    }
    docOffsets[d + 1] = nEntries;
  }
  return { terms, df, docOffsets, docTerms, docTf };
}

/**
 * The term ids of `head` and `tail` as if one pass had gone over both runs: terms new to
 * `head` get the next ids in the order they first occur in `tail`. `head.terms` grows in place;
 * `remap` takes a tail id to its id in the joined space, and `df` counts both runs.
 */
export function joinTerms(
  head: Pick<DocTerms, 'terms' | 'df'>,
  tail: Pick<DocTerms, 'terms' | 'df'>,
): { terms: string[]; df: Int32Array; remap: Int32Array } {
  const terms = head.terms;
  const known = new Map<string, number>();
  for (let t = 0; t < terms.length; t++) known.set(terms[t]!, t);
  const remap = new Int32Array(tail.terms.length);
  for (let t = 0; t < tail.terms.length; t++) {
    const text = tail.terms[t]!;
    let id = known.get(text);
    if (id === undefined) {
      id = terms.length;
      terms.push(text);
    }
    remap[t] = id;
  }
  const df = new Int32Array(terms.length);
  df.set(head.df.subarray(0, Math.min(head.df.length, terms.length)));
  for (let t = 0; t < tail.terms.length; t++) df[remap[t]!]! += tail.df[t]!;
  return { terms, df, remap };
}

/**
 * Renumber a run's entries through `remap` (from `joinTerms`), in place, keeping each
 * document's entries sorted by id: weights are then summed in the order one pass gives, so
 * the norms agree bit for bit.
 */
export function renumberDocTerms(docs: DocTerms, remap: Int32Array): void {
  const { docOffsets, docTerms, docTf } = docs;
  const nDocs = docOffsets.length - 1;
  for (let d = 0; d < nDocs; d++) {
    const start = docOffsets[d]!;
    const end = docOffsets[d + 1]!;
    // Insertion sort by new id: a document has a few dozen distinct terms.
    for (let e = start; e < end; e++) {
      const id = remap[docTerms[e]!]!;
      const tf = docTf[e]!;
      let at = e;
      while (at > start && docTerms[at - 1]! > id) {
        docTerms[at] = docTerms[at - 1]!;
        docTf[at] = docTf[at - 1]!;
        at--;
      }
      docTerms[at] = id;
      docTf[at] = tf;
    }
  }
}

function grow<T extends Int32Array | Uint16Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
