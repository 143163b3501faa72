/** FNV-1a, 32 bits, over UTF-16 code units; `seed` is mixed into the offset basis. Stable on every platform. */
export function fnv1a(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** FNV-1a with murmur3's final avalanche, so nearby keys spread over [0, 2^32). */
export function hashString(text: string, seed = 0): number {
  let h = fnv1a(text, seed);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic split by key: true for about `fraction` of keys, the same keys for the same seed. */
export function inHashFraction(key: string, fraction: number, seed = 0): boolean {
  return hashString(key, seed) / 4294967296 < fraction;
}
