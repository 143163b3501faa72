/**
 * Jaccard similarity in [0, 1] of the sets of character n-grams (UTF-16 code units) of two
 * strings. A string shorter than n is its own single gram; two empty strings score 1.
 */
export function charNgramJaccard(a: string, b: string, n = 3): number {
  if (a === b) return 1;
  const size = Math.max(1, Math.floor(n));
  const gramsA = ngrams(a, size);
  const gramsB = ngrams(b, size);
  if (gramsA.size === 0 || gramsB.size === 0) return 0;
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return shared / (gramsA.size + gramsB.size - shared);
}

function ngrams(text: string, n: number): Set<string> {
  const grams = new Set<string>();
  if (text.length === 0) return grams;
  if (text.length <= n) {
    grams.add(text);
    return grams;
  }
  for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
  return grams;
}
