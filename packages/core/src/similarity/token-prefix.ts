import { splitTokens } from './token-ratios.js';

/**
 * Leading tokens the two names share, over the token count of the shorter name, in [0, 1]:
 * "sitc international holdings" vs "sitc international holdings co" → 1; "bank ny mellon" vs
 * "bank of new york mellon" → 1/3. 0 when either name has no tokens.
 */
export function commonTokenPrefixRatio(a: string, b: string): number {
  const tokensA = splitTokens(a);
  const tokensB = splitTokens(b);
  const shorter = Math.min(tokensA.length, tokensB.length);
  if (shorter === 0) return 0;
  let shared = 0;
  while (shared < shorter && tokensA[shared] === tokensB[shared]) shared++;
  return shared / shorter;
}

/**
 * Truncated listing names. Counts the leading positions where one name's token is a prefix of
 * the other's ("maternus kli" / "maternus kliniken", "westingh ai br" / "westinghouse air brake
 * technologies"), over the token count of the longer name. So when every token of the shorter
 * name is a prefix of the corresponding token of the longer, the result is |shorter| / |longer|
 * (1 for equal counts); "sit" / "site group international" → 1/3; 0 when the first tokens differ.
 */
export function tokenPrefixMatch(a: string, b: string): number {
  return tokenPrefixRun(splitTokens(a), splitTokens(b));
}

/** `tokenPrefixMatch` on token lists. */
export function tokenPrefixRun(tokensA: readonly string[], tokensB: readonly string[]): number {
  const longer = Math.max(tokensA.length, tokensB.length);
  const shorter = Math.min(tokensA.length, tokensB.length);
  if (shorter === 0) return 0;
  let run = 0;
  while (run < shorter) {
    const x = tokensA[run]!;
    const y = tokensB[run]!;
    if (!(x.startsWith(y) || y.startsWith(x))) break;
    run++;
  }
  return run / longer;
}
