import { normalizeCompanyName } from '../normalize/index.js';
import { tokenPrefixRun } from './token-prefix.js';
import { splitTokens, tokenSetRatio } from './token-ratios.js';

/**
 * Rejoins tokens that the other name writes as one word: with "walmart" on the other side,
 * "wal mart stores" becomes "walmart stores"; "nano dimension" vs "nanodimension" likewise.
 */
function joinSplitWords(tokens: readonly string[], otherTokens: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const joined = i + 1 < tokens.length ? tokens[i]! + tokens[i + 1]! : '';
    if (joined !== '' && otherTokens.has(joined)) {
      out.push(joined);
      i++;
    } else out.push(tokens[i]!);
  }
  return out;
}

/**
 * Similarity in [0, 1] of two base names already normalized by `normalizeCompanyName`
 * (lower-case tokens separated by single spaces). The best of:
 * - token-set ratio (1 when one name's words contain the other's), squared when the names share
 *   no word at all, so that unrelated look-alikes ("waters" / "waterco", "hasbro" / "hays") fall
 *   below 0.5 while spelling variants of one word stay above it;
 * - the token-prefix run, for truncated listing names ("hann arm sus" / "hannon armstrong
 *   sustainable").
 * Words split on one side and joined on the other are rejoined first. Symmetric.
 */
export function baseNameSimilarity(baseA: string, baseB: string): number {
  if (baseA === baseB) return 1;
  const rawA = splitTokens(baseA);
  const rawB = splitTokens(baseB);
  if (rawA.length === 0 || rawB.length === 0) return 0;
  const tokensA = joinSplitWords(rawA, new Set(rawB));
  const tokensB = joinSplitWords(rawB, new Set(rawA));
  const setB = new Set(tokensB);
  const shareWord = tokensA.some((token) => setB.has(token));
  const set = tokenSetRatio(tokensA.join(' '), tokensB.join(' '));
  const score = Math.max(shareWord ? set : set * set, tokenPrefixRun(tokensA, tokensB));
  return Math.min(1, Math.max(0, score));
}

/**
 * Similarity in [0, 1] of two company names; 1 = same base name. Both are normalized with
 * `normalizeCompanyName`, so listing noise and legal forms do not count ("NVIDIA CORP.  DL-,001"
 * vs "NVIDIA CORP NVIDIA ORD SHS" → 1), then compared with `baseNameSimilarity`. A name whose base
 * is empty (only a legal form, say) is compared on its full normalized form instead, and names
 * that normalize to nothing only match themselves. Total on any string; symmetric.
 *
 * Used as the identifier-trust check: an ISIN/CUSIP/LEI hit whose names score below
 * `identifierTrust.minNameSimilarity` (0.5) is not trusted blindly. See the README for how the
 * score separates right from wrong identifier hits on the companies benchmark.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = normalizeCompanyName(a);
  const right = normalizeCompanyName(b);
  if (left.base !== '' && right.base !== '') return baseNameSimilarity(left.base, right.base);
  if (left.normalized !== '' && right.normalized !== '') {
    return baseNameSimilarity(left.normalized, right.normalized);
  }
  if (left.normalized === '' && right.normalized === '') {
    return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
  }
  return 0;
}
