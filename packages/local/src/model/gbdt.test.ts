import { describe, expect, it } from 'vitest';
import { gbdtMargin } from './gbdt-model.js';
import { trainGbdt } from './gbdt-train.js';
import { seededRandom } from './seeded-random.js';

function sample(n: number, seed: number, f: (x: number[]) => boolean) {
  const rand = seededRandom(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rand(), rand(), rand(), Math.round(rand() * 3)];
    rows.push(x);
    labels.push(f(x) ? 1 : 0);
  }
  return { rows, labels };
}

const accuracy = (model: Parameters<typeof gbdtMargin>[0], rows: number[][], labels: number[]) =>
  rows.filter((x, i) => (gbdtMargin(model, x) > 0 ? 1 : 0) === labels[i]).length / rows.length;

describe('trainGbdt', () => {
  it('learns an interaction (XOR of two thresholds) and a categorical rule', () => {
    const xor = (x: number[]) => x[0]! > 0.5 !== x[1]! > 0.3;
    const train = sample(3000, 1, xor);
    const test = sample(1000, 2, xor);
    const { model, importance } = trainGbdt(train.rows, train.labels, { nTrees: 60, maxDepth: 3 });
    expect(accuracy(model, test.rows, test.labels)).toBeGreaterThan(0.97);
    // The two informative features carry almost all the gain.
    expect(importance[0]! + importance[1]!).toBeGreaterThan(0.9 * importance.reduce((a, b) => a + b, 0));

    const cat = (x: number[]) => x[3] === 2;
    const c = sample(2000, 3, cat);
    const fit = trainGbdt(c.rows, c.labels, { nTrees: 30, maxDepth: 2 });
    expect(accuracy(fit.model, c.rows, c.labels)).toBe(1);
  });

  it('is deterministic for a seed, and the seed matters when sampling', () => {
    const { rows, labels } = sample(800, 4, (x) => x[0]! + x[2]! > 1);
    const a = JSON.stringify(trainGbdt(rows, labels, { nTrees: 20, seed: 7 }).model);
    const b = JSON.stringify(trainGbdt(rows, labels, { nTrees: 20, seed: 7 }).model);
    const c = JSON.stringify(trainGbdt(rows, labels, { nTrees: 20, seed: 8 }).model);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('predicts the same after a JSON round trip, NaN going left', () => {
    const { rows, labels } = sample(500, 5, (x) => x[1]! > 0.5);
    const { model } = trainGbdt(rows, labels, { nTrees: 10 });
    const copy = JSON.parse(JSON.stringify(model));
    for (const x of [...rows.slice(0, 50), [Number.NaN, Number.NaN, 0, 0]]) {
      expect(gbdtMargin(copy, x)).toBe(gbdtMargin(model, x));
    }
  });

  it('predicts the base rate from a single class or constant features', () => {
    const ones = trainGbdt([[1], [1], [1]], [1, 1, 1], { nTrees: 3 });
    expect(gbdtMargin(ones.model, [1])).toBeGreaterThan(5);
    const flat = trainGbdt([[0], [0], [0], [0]], [0, 1, 0, 1], { nTrees: 3, subsample: 1 });
    expect(gbdtMargin(flat.model, [0])).toBeCloseTo(0, 6);
  });

  it('boosts on from an initial model: its trees first, new ones fixing what it gets wrong', () => {
    const first = (x: number[]) => x[0]! > 0.5;
    const second = (x: number[]) => x[0]! > 0.5 || x[1]! > 0.8;
    const a = sample(2000, 5, first);
    const b = sample(2000, 6, second);
    const test = sample(1000, 7, second);
    const initial = trainGbdt(a.rows, a.labels, { nTrees: 30, maxDepth: 2 }).model;
    const on = trainGbdt(b.rows, b.labels, { nTrees: 20, maxDepth: 2 }, undefined, initial).model;
    expect(on.baseScore).toBe(initial.baseScore);
    expect(on.trees.slice(0, 30)).toEqual(initial.trees);
    expect(on.trees).toHaveLength(50);
    expect(accuracy(initial, test.rows, test.labels)).toBeLessThan(0.93);
    expect(accuracy(on, test.rows, test.labels)).toBeGreaterThan(0.97);
    // Without sampling, 30 trees then 20 more are the 50 trees of one fit: the margins carry over.
    const exact = { maxDepth: 2, subsample: 1, colsample: 1 };
    const whole = trainGbdt(a.rows, a.labels, { ...exact, nTrees: 50 }).model;
    const part = trainGbdt(a.rows, a.labels, { ...exact, nTrees: 30 }).model;
    expect(trainGbdt(a.rows, a.labels, { ...exact, nTrees: 20 }, undefined, part).model).toEqual(whole);
    // No new trees: the initial model as it was.
    expect(trainGbdt(b.rows, b.labels, { nTrees: 0 }, undefined, initial).model).toEqual(initial);
  });

  it('grows the same trees when a helper thread sums half of each histogram', () => {
    const rand = seededRandom(11);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 12_000; i++) {
      // Continuous, few-valued and two-valued features, as the pair features are.
      const x = [
        rand(),
        Math.round(rand() * 4),
        rand() < 0.3 ? 1 : 0,
        rand(),
        Math.round(rand() * 20),
        rand(),
      ];
      rows.push(x);
      labels.push(x[0]! + 0.2 * x[1]! - 0.5 * x[2]! + 0.3 * rand() > 0.9 ? 1 : 0);
    }
    const weights = rows.map((_, i) => (i % 7 === 0 ? 3 : 1));
    const options = { nTrees: 12, maxDepth: 4 };
    const alone = trainGbdt(rows, labels, options, weights, undefined, Number.POSITIVE_INFINITY);
    const helped = trainGbdt(rows, labels, options, weights, undefined, 0);
    expect(JSON.stringify(helped.model)).toBe(JSON.stringify(alone.model));
    expect(Array.from(helped.importance)).toEqual(Array.from(alone.importance));
    expect(alone.model.trees.some((t) => t.feature.filter((f) => f >= 0).length > 3)).toBe(true);
  });
});
