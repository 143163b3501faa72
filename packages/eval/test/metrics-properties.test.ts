import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Metrics } from '../src/index.js';
import { casesArb, toRows } from './arbitraries.js';

const RATES = [
  'precision',
  'recall',
  'f1',
  'accuracy',
  'auto_match_rate',
  'auto_match_rate_true_match',
  'review_rate',
] as const;
const COUNTS = [
  'n',
  'tp',
  'fp',
  'fn',
  'tn',
  'wrong_match',
  'false_match',
  'missed_match',
  'undecided',
  'auto_matched',
] as const;
const everyMetrics = (r: ReturnType<typeof evaluate>): Metrics[] => [
  r.all,
  r.auto,
  ...Object.values(r.subsets).flatMap((v) => [v.all, v.auto]),
  ...Object.values(r.by_method).flatMap((v) => [v.all, v.auto]),
  ...Object.values(r.by_stage).flatMap((v) => [v.all, v.auto]),
];

describe('metric laws', () => {
  it('every rate is in [0, 1], in every view, subset, method and stage, and on the sweep', () => {
    fc.assert(
      fc.property(casesArb, fc.double({ min: 0, max: 1, noNaN: true }), (cases, threshold) => {
        const report = evaluate({ ...toRows(cases), threshold, targetPrecision: 0.9 });
        for (const m of everyMetrics(report)) {
          for (const key of RATES) {
            expect(m[key]).toBeGreaterThanOrEqual(0);
            expect(m[key]).toBeLessThanOrEqual(1);
          }
        }
        for (const p of report.sweep) {
          for (const key of ['precision', 'recall', 'f1', 'accuracy', 'auto_match_rate'] as const) {
            expect(p[key]).toBeGreaterThanOrEqual(0);
            expect(p[key]).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('the confusion counts add up: TP + FN = true matches, FP = wrong + false matches, every row is one outcome', () => {
    fc.assert(
      fc.property(casesArb, (cases) => {
        const { all, auto } = evaluate(toRows(cases));
        for (const m of [all, auto]) {
          expect(m.tp + m.fn).toBe(m.true_match);
          expect(m.fp).toBe(m.wrong_match + m.false_match);
          expect(m.fn).toBe(m.wrong_match + m.missed_match);
        }
        expect(all.tp + all.tn + all.wrong_match + all.false_match + all.missed_match).toBe(all.n);
      }),
    );
  });

  it('perfect predictions (confidence 1) give 1 for every quality metric and the auto-match rate', () => {
    fc.assert(
      fc.property(casesArb, (cases) => {
        const perfect = cases.map((c) => ({ ...c, predicted: c.truth, confidence: 1, missing: false }));
        const report = evaluate(toRows(perfect));
        for (const m of everyMetrics(report)) {
          for (const key of [
            'precision',
            'recall',
            'f1',
            'accuracy',
            'auto_match_rate',
            'auto_match_rate_true_match',
          ] as const)
            expect(m[key]).toBe(1);
          expect(m.review_rate).toBe(0);
        }
      }),
    );
  });

  it('predicting "none" everywhere gives recall 0 when some source has a true match', () => {
    fc.assert(
      fc.property(
        casesArb.filter((cases) => cases.some((c) => c.truth !== null)),
        (cases) => {
          const report = evaluate(toRows(cases.map((c) => ({ ...c, predicted: null }))));
          expect(report.all.recall).toBe(0);
          expect(report.auto.recall).toBe(0);
          expect(report.all.tp).toBe(0);
        },
      ),
    );
  });

  it('swapping the companies of two wrong predictions leaves every count unchanged', () => {
    // Wrong companies drawn from outside the truth ids stay wrong wherever they go.
    const wrong = ['XX1', 'XX2', 'XX3'];
    fc.assert(
      fc.property(
        casesArb,
        fc.constantFrom(...wrong),
        fc.constantFrom(...wrong),
        fc.nat(),
        fc.nat(),
        (cases, w1, w2, a, b) => {
          const i = a % cases.length;
          const j = b % cases.length;
          const before = cases.map((c, k) =>
            k === i
              ? { ...c, predicted: w1, missing: false }
              : k === j
                ? { ...c, predicted: w2, missing: false }
                : c,
          );
          const after = before.map((c, k) =>
            k === i
              ? { ...c, predicted: before[j]!.predicted }
              : k === j
                ? { ...c, predicted: before[i]!.predicted }
                : c,
          );
          const r1 = evaluate(toRows(before));
          const r2 = evaluate(toRows(after));
          for (const view of ['all', 'auto'] as const)
            for (const key of COUNTS) expect(r2[view][key]).toBe(r1[view][key]);
        },
      ),
    );
  });

  it('the sweep is monotone: auto-match rate and recall never rise with the threshold', () => {
    fc.assert(
      fc.property(casesArb, (cases) => {
        const { sweep } = evaluate(toRows(cases));
        expect(sweep).toHaveLength(101);
        for (let k = 1; k < sweep.length; k += 1) {
          expect(sweep[k]!.threshold).toBeGreaterThan(sweep[k - 1]!.threshold);
          expect(sweep[k]!.auto_match_rate).toBeLessThanOrEqual(sweep[k - 1]!.auto_match_rate);
          expect(sweep[k]!.recall).toBeLessThanOrEqual(sweep[k - 1]!.recall);
        }
      }),
    );
  });

  it('the sweep agrees with the auto view evaluated at the same threshold', () => {
    fc.assert(
      fc.property(casesArb, fc.integer({ min: 0, max: 100 }), (cases, step) => {
        const rows = toRows(cases);
        const point = evaluate(rows).sweep[step]!;
        const auto = evaluate({ ...rows, threshold: step / 100 }).auto;
        expect(point.precision).toBeCloseTo(auto.precision, 12);
        expect(point.recall).toBeCloseTo(auto.recall, 12);
        expect(point.auto_match_rate).toBeCloseTo(auto.auto_match_rate, 12);
      }),
    );
  });

  it('a reached target precision is met by the auto view at the threshold it names, and no lower threshold that occurs reaches it', () => {
    fc.assert(
      fc.property(casesArb, fc.double({ min: 0.5, max: 1, noNaN: true }), (cases, target) => {
        const rows = toRows(cases);
        const found = evaluate({ ...rows, targetPrecision: target }).target_precision;
        if (!found?.reached) return;
        expect(evaluate({ ...rows, threshold: found.threshold }).auto.precision).toBeGreaterThanOrEqual(
          target,
        );
        const lower = rows.predictions.map((p) => p.match_confidence).filter((c) => c < found.threshold);
        for (const t of lower)
          expect(evaluate({ ...rows, threshold: t }).auto.precision).toBeLessThan(target);
      }),
      { numRuns: 50 },
    );
  });
});
