import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import {
  applyLlmCalibration,
  fitLlmCalibration,
  LlmCalibration,
  MIN_LLM_CALIBRATION_SAMPLES,
} from './llm-calibration.js';
import { adjudicatedConfidence, statedConfidenceFromReasoning } from './llm-confidence.js';

const samples = (stated: number, right: number, wrong: number) => [
  ...Array.from({ length: right }, () => ({ statedConfidence: stated, correct: true })),
  ...Array.from({ length: wrong }, () => ({ statedConfidence: stated, correct: false })),
];

describe('fitLlmCalibration', () => {
  it('maps stated confidence to the smoothed observed rate of correct answers', () => {
    // The model says 0.95 for everything; it is right 30 times in 40.
    const cal = fitLlmCalibration(samples(0.95, 30, 10));
    expect(applyLlmCalibration(cal, 0.95)).toBeCloseTo(31 / 42, 10);
    expect(LlmCalibration.parse(JSON.parse(JSON.stringify(cal)))).toEqual(cal);
  });

  it('pools violators so the map is monotone', () => {
    const cal = fitLlmCalibration([...samples(0.6, 9, 1), ...samples(0.8, 5, 5), ...samples(0.99, 40, 0)]);
    expect(cal.x).toHaveLength(2);
    // 0.6 (9 of 10 right) and 0.8 (5 of 10) violate monotonicity: one block at x 0.7, 15 / 22.
    expect(cal.x[0]).toBeCloseTo(0.7, 10);
    expect(applyLlmCalibration(cal, 0.6)).toBeCloseTo(15 / 22, 10);
    expect(applyLlmCalibration(cal, 0.8)).toBeGreaterThan(15 / 22);
    expect(applyLlmCalibration(cal, 0.99)).toBeCloseTo(41 / 42, 10);
  });

  it('refuses too few samples, with the fix', () => {
    expect(() => fitLlmCalibration(samples(0.9, 5, 0))).toThrow(InputError);
    expect(() => fitLlmCalibration(samples(0.9, 5, 0))).toThrow(/at least 20 labelled outcomes, got 5/);
  });

  it('is monotone and stays in [0, 1] for any samples', () => {
    const sample = fc.record({
      statedConfidence: fc.double({ min: 0, max: 1, noNaN: true }),
      correct: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(sample, { minLength: MIN_LLM_CALIBRATION_SAMPLES, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (data, a, b) => {
          const cal = fitLlmCalibration(data);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const pLo = applyLlmCalibration(cal, lo);
          const pHi = applyLlmCalibration(cal, hi);
          expect(pLo).toBeLessThanOrEqual(pHi + 1e-12);
          expect(pLo).toBeGreaterThan(0);
          expect(pHi).toBeLessThan(1);
        },
      ),
    );
  });
});

describe('adjudicatedConfidence', () => {
  it('caps uncalibrated confidence strictly below the auto-match threshold and keeps the stated value', () => {
    const { confidence, note } = adjudicatedConfidence(0.97, null, 0.9);
    expect(confidence).toBeCloseTo(0.89, 10);
    expect(confidence).toBeLessThan(0.9);
    expect(statedConfidenceFromReasoning(`ticker agrees ${note}`)).toBe(0.97);
    expect(adjudicatedConfidence(0.4, null, 0.9).confidence).toBe(0.4);
  });

  it('with a calibration, may reach the threshold', () => {
    const cal = fitLlmCalibration(samples(0.97, 60, 1));
    const { confidence, note } = adjudicatedConfidence(0.97, cal, 0.9);
    expect(confidence).toBeGreaterThanOrEqual(0.9);
    expect(note).toMatch(/calibrated to 0\.\d{3} on 61 labelled answers/);
  });
});
