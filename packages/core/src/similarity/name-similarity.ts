// STUB (owned by the similarity work): replace with the real implementation.
/** Similarity in [0, 1] of two company names after normalization; 1 = same base name. */
export function nameSimilarity(a: string, b: string): number {
  return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
}
