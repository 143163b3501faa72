import { levenshteinRatio, longestCommonSubsequence } from './levenshtein-ratio.js';

/** Whitespace-separated tokens, as Python's `str.split()`. */
export function splitTokens(text: string): string[] {
  const tokens = text.split(/\s+/u);
  if (tokens[0] === '') tokens.shift();
  if (tokens.length > 0 && tokens[tokens.length - 1] === '') tokens.pop();
  return tokens;
}

const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * rapidfuzz `fuzz.token_sort_ratio` / 100: `levenshteinRatio` of the tokens sorted and joined by
 * one space. No preprocessing (pass normalized names).
 */
export function tokenSortRatio(a: string, b: string): number {
  return levenshteinRatio(
    splitTokens(a).sort(byCodeUnit).join(' '),
    splitTokens(b).sort(byCodeUnit).join(' '),
  );
}

/**
 * rapidfuzz `fuzz.token_set_ratio` / 100: 1 when one token set contains the other (and they
 * share a token); otherwise the best `levenshteinRatio` among `sect+rest(a)` vs `sect+rest(b)`,
 * `sect` vs `sect+rest(a)` and `sect` vs `sect+rest(b)`. 0 when either side has no tokens.
 */
export function tokenSetRatio(a: string, b: string): number {
  const setA = new Set(splitTokens(a));
  const setB = new Set(splitTokens(b));
  if (setA.size === 0 || setB.size === 0) return 0;
  const common: string[] = [];
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  for (const token of setA) (setB.has(token) ? common : onlyA).push(token);
  for (const token of setB) if (!setA.has(token)) onlyB.push(token);
  if (common.length > 0 && (onlyA.length === 0 || onlyB.length === 0)) return 1;

  const restA = onlyA.sort(byCodeUnit).join(' ');
  const restB = onlyB.sort(byCodeUnit).join(' ');
  const sectLength = common.length === 0 ? 0 : common.join(' ').length;
  const separator = sectLength > 0 ? 1 : 0;
  const sectALength = sectLength + separator + restA.length;
  const sectBLength = sectLength + separator + restB.length;
  // The shared prefix costs nothing, so the distance of sect+restA vs sect+restB is that of the rests.
  const restDistance = restA.length + restB.length - 2 * longestCommonSubsequence(restA, restB);
  let best = 1 - restDistance / (sectALength + sectBLength);
  if (sectLength === 0) return best;
  best = Math.max(best, 1 - (separator + restA.length) / (sectLength + sectALength));
  best = Math.max(best, 1 - (separator + restB.length) / (sectLength + sectBLength));
  return best;
}
