import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, fitIsotonic, fitPlatt } from './calibration.js';

const data = fc
  .array(fc.tuple(fc.double({ min: -20, max: 20, noNaN: true }), fc.boolean()), {
    minLength: 2,
    maxLength: 200,
  })
  .map((pairs) => ({ margins: pairs.map(([m]) => m), labels: pairs.map(([, y]) => (y ? 1 : 0)) }));

describe('calibration', () => {
  for (const [name, fit] of [
    ['platt', fitPlatt],
    ['isotonic', fitIsotonic],
  ] as const) {
    it(`${name} is monotone non-decreasing in the margin and stays in [0, 1]`, () => {
      fc.assert(
        fc.property(
          data,
          fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 2, maxLength: 20 }),
          (d, probes) => {
            const c = fit(d.margins, d.labels);
            const sorted = [...probes].sort((a, b) => a - b);
            const p = sorted.map((m) => calibrate(c, m));
            p.forEach((v, i) => {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
              if (i > 0) expect(v).toBeGreaterThanOrEqual(p[i - 1]! - 1e-12);
            });
          },
        ),
      );
    });
  }

  it('platt recovers a logistic relation', () => {
    const margins: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const m = (i / 2000) * 8 - 4;
      margins.push(m);
      // Deterministic labels whose rate follows sigmoid(2m + 1).
      labels.push((i * 0.618034) % 1 < 1 / (1 + Math.exp(-(2 * m + 1))) ? 1 : 0);
    }
    const c = fitPlatt(margins, labels);
    expect(c.kind === 'platt' && c.a).toBeCloseTo(2, 0);
    expect(calibrate(c, -0.5)).toBeCloseTo(0.5, 1);
  });

  it('platt stays finite when the held-out rows are nearly separable', () => {
    // Margins spread over ±30 with 2% of labels flipped: plain Newton steps overshot here and
    // ran the slope off to about 1.4e13, so every probability came out 0 or 1.
    const margins: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const m = ((i * 0.618034) % 1) * 60 - 30;
      margins.push(m);
      labels.push(m > 0 !== (i * 0.7548777) % 1 < 0.02 ? 1 : 0);
    }
    const c = fitPlatt(margins, labels);
    expect(c.kind === 'platt' && c.a).toBeGreaterThan(0.1);
    expect(c.kind === 'platt' && c.a).toBeLessThan(2);
    // Still graded: a margin of 5 is likely, not certain; a margin of 20 near certain.
    expect(calibrate(c, 5)).toBeGreaterThan(0.7);
    expect(calibrate(c, 5)).toBeLessThan(0.99);
    expect(calibrate(c, 20)).toBeGreaterThan(0.99);
  });
});
