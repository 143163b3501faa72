export * from './retrieval/index.js';
export * from './model/index.js';
