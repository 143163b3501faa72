import { describe, expect, it } from 'vitest';
import { formatEstimate, formatPercent } from './format.js';

describe('formatEstimate', () => {
  it('rounds an estimated precision down, so it never reads higher than it is', () => {
    expect(formatPercent(0.9996)).toBe('100.0%');
    expect(formatEstimate(0.9996)).toBe('99.9%');
    expect(formatEstimate(0.9999999)).toBe('99.9%');
    expect(formatEstimate(1)).toBe('100.0%');
    expect(formatEstimate(0.997)).toBe('99.7%');
    expect(formatEstimate(0.5)).toBe('50.0%');
    expect(formatEstimate(Number.NaN)).toBe('–');
  });
});
