/** FNV-1a, 32 bits: a stable hash of a line's text. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Split line indexes in two halves by the hash of each line: even hashes tune, odd hashes test. */
export function hashHalves(lines: readonly string[]): { tune: number[]; test: number[] } {
  const tune: number[] = [];
  const test: number[] = [];
  lines.forEach((line, i) => {
    (fnv1a(line) % 2 === 0 ? tune : test).push(i);
  });
  return { tune, test };
}
