export { type QueryFn, readReferenceStore } from './read-reference-store.js';
export { type ReferenceColumn, type ReferenceRows, referenceRows } from './reference-rows.js';
export { ReferenceStore } from './reference-store.js';
