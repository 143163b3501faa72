// @em/core/features: what pair models and evaluations are built from — identifier check
// digits, pair features, blocking keys for candidate channels, stable hashing and seeded
// randomness for splits and sampling, and precision/recall/F1.
export {
  BLOCKING_COLUMNS,
  type BlockingKeyPart,
  blockingKeyParts,
  blockingKeyProblem,
  DERIVED_KEYS,
} from '../config/blocking-key-parts.js';
export * from '../features/index.js';
export { fnv1a, hashString, inHashFraction } from '../hashing/fnv1a.js';
export * from '../identifiers/index.js';
export { matchRates, ratio } from '../metrics/match-rates.js';
export { seededRandom } from '../random/seeded-random.js';
