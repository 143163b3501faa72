// The hash behind inHashFraction (FNV-1a with an avalanche) is core's, shared with em-eval.
export { hashString, inHashFraction, seededRandom } from '@em/core/features';
