/** Lower-case letter/digit runs of a text: the tokens record features compare. */
export function textTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Inverse document frequency over a corpus of texts: ln((N + 1) / (df + 1)) + 1; unseen tokens get df = 0. */
export interface TokenIdf {
  (token: string): number;
  readonly documents: number;
}

export function tokenIdf(texts: Iterable<string>): TokenIdf {
  const df = new Map<string, number>();
  let n = 0;
  for (const text of texts) {
    n++;
    for (const t of new Set(textTokens(text))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = ((token: string) => Math.log((n + 1) / ((df.get(token) ?? 0) + 1)) + 1) as TokenIdf;
  Object.defineProperty(idf, 'documents', { value: n });
  return idf;
}

/** Cosine of the TF-IDF vectors of two token lists (raw term frequency × idf). 0 when either is empty. */
export function tfidfCosine(
  a: readonly string[],
  b: readonly string[],
  idf: (token: string) => number,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  const va = weights(a, idf);
  const vb = weights(b, idf);
  let dot = 0;
  for (const [t, w] of va) dot += w * (vb.get(t) ?? 0);
  const norm = Math.sqrt(sumSquares(va) * sumSquares(vb));
  return norm > 0 ? Math.min(1, dot / norm) : 0;
}

function weights(tokens: readonly string[], idf: (token: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + idf(t));
  return out;
}

function sumSquares(v: Map<string, number>): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return s;
}
