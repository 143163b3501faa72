let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensureFlags(lengthA: number, lengthB: number): void {
  if (flagsA.length < lengthA) flagsA = new Uint8Array(lengthA * 2);
  if (flagsB.length < lengthB) flagsB = new Uint8Array(lengthB * 2);
  flagsA.fill(0, 0, lengthA);
  flagsB.fill(0, 0, lengthB);
}

/**
 * Jaro similarity in [0, 1] over UTF-16 code units, as rapidfuzz's `Jaro.similarity`: characters
 * match within a window of max(|a|, |b|)/2 − 1, half the out-of-order matches count as
 * transpositions. Two empty strings are identical (1). Symmetric.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  // Scan the shorter string (ties: the lexicographically smaller) so the greedy matching, and
  // with it the score, does not depend on argument order.
  if (a.length > b.length || (a.length === b.length && a > b)) [a, b] = [b, a];
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0) return 0;
  const window = Math.max(0, Math.floor(lengthB / 2) - 1);
  ensureFlags(lengthA, lengthB);
  let common = 0;
  for (let i = 0; i < lengthA; i++) {
    const code = a.charCodeAt(i);
    const hi = Math.min(i + window, lengthB - 1);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        common++;
        break;
      }
    }
  }
  if (common === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const t = Math.floor(transpositions / 2);
  return (common / lengthA + common / lengthB + (common - t) / common) / 3;
}

/**
 * Jaro-Winkler similarity in [0, 1], as rapidfuzz's `JaroWinkler.similarity`: when Jaro exceeds
 * 0.7, a common prefix of up to 4 characters adds `prefixWeight` × prefix × (1 − jaro).
 */
export function jaroWinkler(a: string, b: string, prefixWeight = 0.1): number {
  const similarity = jaro(a, b);
  if (similarity <= 0.7) return similarity;
  const maxPrefix = Math.min(a.length, b.length, 4);
  let prefix = 0;
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return Math.min(1, similarity + prefix * prefixWeight * (1 - similarity));
}
