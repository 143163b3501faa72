export * from './channels/index.js';
export { buildCommonBlock, type CommonBlock, defaultCommonFraction } from './common-block.js';
export { runIndexBuildWorker } from './index-build-worker.js';
export { readIndexFile, readIndexFingerprint, writeIndexFile } from './index-file.js';
export { IndexRetriever } from './index-retriever.js';
export type { SearchOptions } from './name-index.js';
export {
  type IndexRecord,
  NAME_INDEX_FORMAT,
  NameIndex,
  type NameIndexArrays,
  type SearchHit,
} from './name-index.js';
export { DEFAULT_NAME_INDEX_OPTIONS, type NameIndexOptions } from './name-index-options.js';
export { indexText, NAME_TERMS_VERSION, nameTerms } from './name-terms.js';
export { indexPathFor, type OpenedIndex, type OpenIndexOptions, openIndex } from './open-index.js';
export { ParallelIndexRetriever, runSearchWorker } from './parallel-retriever.js';
export { referenceFingerprint } from './reference-fingerprint.js';
