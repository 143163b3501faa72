/** FNV-1a over a string's UTF-16 code units, cut to its top `bits` bits (1..32). */
export function keyHash(key: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) >>> (32 - bits);
}
