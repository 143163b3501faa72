export { PAIR_FEATURE_NAMES, PAIR_FEATURE_SET, pairFeatures } from './company-pair-features.js';
export { type AttributeRecord, recordPairFeatureNames, recordPairFeatures } from './record-pair-features.js';
export { type TokenIdf, textTokens, tfidfCosine, tokenIdf } from './token-idf.js';
