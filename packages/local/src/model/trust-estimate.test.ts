import { describe, expect, it } from 'vitest';
import { estimateTrust, type HeldOutScore, wilson } from './trust-estimate.js';

/** n held-out sources whose top candidate scores p, `right` of them truly the match. */
function band(p: number, n: number, right: number, tag: string): HeldOutScore[] {
  return Array.from({ length: n }, (_, i) => {
    const features = [p, i];
    return {
      pair: { features, label: i < right ? 1 : 0, group: `${tag}${i}` },
      instance: `${tag}${i}`,
      probability: p,
    } as HeldOutScore;
  });
}
const options = {
  autoMatchThreshold: 0.9,
  margin: 0.1,
  validatedOnLabels: false,
  basis: 'test',
  identifierPrecision: 1,
};

describe('estimateTrust', () => {
  it('estimates the auto-matched precision and keeps every band that reaches the target', () => {
    const trust = estimateTrust([...band(0.995, 200, 200, 'a'), ...band(0.96, 100, 100, 'b')], options);
    expect(trust.autoPrecision?.estimate).toBe(1);
    expect(trust.autoPrecision?.n).toBe(300);
    expect(trust.reviewBelow).toBeNull();
  });

  it('lowers a weak band and everything below it to review, even when the pooled set looks fine', () => {
    const trust = estimateTrust(
      [...band(0.995, 400, 400, 'a'), ...band(0.985, 50, 45, 'b'), ...band(0.93, 40, 40, 'c')],
      options,
    );
    expect(trust.autoPrecision!.estimate).toBeGreaterThan(0.98);
    expect(trust.reviewBelow).toBe(0.99);
  });

  it('sends every pair-model match to review when even the top band cannot be judged', () => {
    expect(estimateTrust(band(0.995, 10, 10, 'a'), options).reviewBelow).toBe(1.01);
    expect(estimateTrust([], options).autoPrecision).toBeNull();
  });

  it('counts a soft label by its weight', () => {
    const features = [0.97, 1];
    const soft: HeldOutScore[] = Array.from({ length: 40 }, (_, i) => [
      {
        pair: { features, label: 1 as const, group: `s${i}`, weight: 0.6 },
        instance: `s${i}`,
        probability: 0.97,
      },
      {
        pair: { features, label: 0 as const, group: `s${i}`, weight: 0.4 },
        instance: `s${i}`,
        probability: 0.97,
      },
    ]).flat();
    const trust = estimateTrust(soft, options);
    expect(trust.bins.find((b) => b.from === 0.95)?.correct).toBeCloseTo(24, 10);
  });
});

describe('wilson', () => {
  it('brackets the observed rate', () => {
    const { low, high } = wilson(95, 100);
    expect(low).toBeLessThan(0.95);
    expect(high).toBeGreaterThan(0.95);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
