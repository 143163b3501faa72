import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginContributions } from './gbdt-contributions.js';
import { gbdtMargin } from './gbdt-model.js';
import { trainGbdt } from './gbdt-train.js';
import { seededRandom } from './seeded-random.js';

/** y = 1 when x0 + x1 > 1; x2 is noise, x3 constant. */
function dataset(n: number, seed: number) {
  const rand = seededRandom(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [rand(), rand(), rand(), 0.5];
    rows.push(row);
    labels.push(row[0]! + row[1]! > 1 ? 1 : 0);
  }
  return { rows, labels };
}

describe('marginContributions (Saabas path attribution)', () => {
  const { rows, labels } = dataset(600, 3);
  const { model } = trainGbdt(rows, labels, { nTrees: 40, maxDepth: 4, seed: 2 });

  it('sums to the raw score for any row, with covers and without', () => {
    const uniform = { ...model, trees: model.trees.map(({ cover: _, ...t }) => t) };
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (x) => {
          for (const m of [model, uniform]) {
            const c = marginContributions(m, x);
            const sum = c.bias + c.contributions.reduce((a, b) => a + b, 0);
            expect(sum).toBeCloseTo(gbdtMargin(m, x), 9);
            expect(c.margin).toBeCloseTo(gbdtMargin(m, x), 9);
          }
        },
      ),
    );
    expect(marginContributions(model, [0.5, 0.5, 0.5, 0.5]).weighting).toBe('cover');
    expect(marginContributions(uniform, [0.5, 0.5, 0.5, 0.5]).weighting).toBe('uniform');
  });

  it('credits the features that decide the label, not the noise or the constant', () => {
    const strong = marginContributions(model, [0.95, 0.9, 0.5, 0.5]).contributions;
    expect(strong[0]).toBeGreaterThan(0);
    expect(strong[1]).toBeGreaterThan(0);
    expect(strong[3]).toBe(0);
    const weak = marginContributions(model, [0.05, 0.1, 0.5, 0.5]).contributions;
    expect(weak[0]).toBeLessThan(0);
    expect(Math.abs(weak[2]!)).toBeLessThan(Math.abs(weak[0]!) + Math.abs(weak[1]!));
  });
});
