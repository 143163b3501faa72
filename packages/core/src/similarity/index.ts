export { charNgramJaccard } from './char-ngram-jaccard.js';
export { jaro, jaroWinkler } from './jaro-winkler.js';
export { levenshteinRatio, longestCommonSubsequence } from './levenshtein-ratio.js';
export { baseNameSimilarity, nameSimilarity } from './name-similarity.js';
export { commonTokenPrefixRatio, tokenPrefixMatch } from './token-prefix.js';
export { splitTokens, tokenSetRatio, tokenSortRatio } from './token-ratios.js';
