// @em/core/features: what pair models and evaluations are built from — identifier check
// digits, pair features, stable hashing for splits, and precision/recall/F1.
export * from '../features/index.js';
export { fnv1a, hashString, inHashFraction } from '../hashing/fnv1a.js';
export * from '../identifiers/index.js';
export { matchRates, ratio } from '../metrics/match-rates.js';
