import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docsByNormDescending } from './docs-by-norm.js';

describe('docsByNormDescending', () => {
  it('orders documents as the comparator sort does: largest norm first, ties in document order', () => {
    // Few distinct values (many ties), zeros, tiny and large ones.
    const value = fc.oneof(
      fc.constantFrom(0, 1, 0.5, 1e-30, 3.4e38),
      fc.float({ min: 0, max: 2, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3000 }), (values) => {
        const norm = Float32Array.from(values);
        const expected = Int32Array.from(values, (_, d) => d).sort((x, y) => norm[y]! - norm[x]! || x - y);
        expect(docsByNormDescending(norm)).toEqual(expected);
      }),
    );
  });
});
