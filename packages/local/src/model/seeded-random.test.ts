import { describe, expect, it } from 'vitest';
import { hashString, inHashFraction, seededRandom } from './seeded-random.js';

describe('seeded randomness and key hashing', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('splits keys by hash close to the fraction, the same keys every time', () => {
    const keys = Array.from({ length: 20000 }, (_, i) => `SYS\u0000${i}`);
    const half = keys.filter((k) => inHashFraction(k, 0.5));
    expect(half.length / keys.length).toBeGreaterThan(0.48);
    expect(half.length / keys.length).toBeLessThan(0.52);
    expect(keys.filter((k) => inHashFraction(k, 0.5))).toEqual(half);
    // A smaller fraction is a subset of a larger one (same hash, same seed).
    expect(keys.filter((k) => inHashFraction(k, 0.2)).every((k) => inHashFraction(k, 0.5))).toBe(true);
    expect(hashString('a', 1)).not.toBe(hashString('a', 2));
  });
});
