import type { CommonBlock } from './common-block.js';
import type { NameIndex, NameIndexArrays } from './name-index.js';
import { TermDictionary, type TermDictionaryData } from './term-dictionary.js';

type Typed = Int32Array | Float32Array | Uint8Array | Uint16Array;

/** The array in shared memory (worker threads read it without copying): itself when it is already, else a copy. */
function shared<T extends Typed>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new ctor(new SharedArrayBuffer(a.byteLength));
  (out as Typed).set(a as never);
  return out;
}

/**
 * What a search worker needs to rebuild the index: typed arrays in shared memory, the term
 * dictionary too, and the common-term block, or (null) the share of documents above which a
 * term is common, for the worker to build the block itself.
 */
export interface SharedIndexData {
  readonly arrays: Omit<NameIndexArrays, 'terms'>;
  readonly dictionary: TermDictionaryData;
  readonly common: CommonBlock | null;
  readonly commonFraction: number | undefined;
}

/** The index in shared memory, with its common-term block if that is built already (else null). */
export function shareIndex(index: NameIndex): SharedIndexData {
  const a = index.arrays;
  const common = index.builtCommonBlock();
  return {
    arrays: {
      nDocs: a.nDocs,
      idf: shared(a.idf),
      termOffsets: shared(a.termOffsets),
      postingDocs: shared(a.postingDocs),
      postingWeights: shared(a.postingWeights),
      docCountry: shared(a.docCountry),
      countries: a.countries,
      options: a.options,
    },
    dictionary: index.termDictionary().data,
    common: common === null ? null : sharedCommonBlock(common),
    commonFraction: index.commonFraction,
  };
}

/** A common-term block in shared memory (its arrays are, as `buildCommonBlock` makes them). */
function sharedCommonBlock(c: CommonBlock): CommonBlock {
  return {
    slot: shared(c.slot),
    slots: c.slots,
    offsets: shared(c.offsets),
    terms: shared(c.terms),
    weights: shared(c.weights),
    norm: shared(c.norm),
    maxNorm: c.maxNorm,
    byNorm: shared(c.byNorm),
    byCountry: shared(c.byCountry),
    countryStart: shared(c.countryStart),
    docKeys: shared(c.docKeys),
    normSteps: c.normSteps,
    maxWeight: shared(c.maxWeight),
  };
}

export function arraysFromShared(data: SharedIndexData): NameIndexArrays {
  let terms: string[] | null = null;
  return {
    ...data.arrays,
    // Searching needs only the dictionary: the texts are decoded if something asks for them.
    get terms() {
      terms ??= new TermDictionary(data.dictionary).texts();
      return terms;
    },
  };
}
