import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barOf, renderBarChart } from '../src/output/bar-chart.js';
import { formatCount, formatEstimate, formatMoney, formatPercent } from '../src/output/format.js';
import { createProgress } from '../src/output/progress.js';
import { renderTable, width } from '../src/output/table.js';

describe('format', () => {
  it('percent with one decimal, money with 4 or 6 decimals, counts grouped', () => {
    expect(formatPercent(0.93456)).toBe('93.5%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatMoney(0.0001)).toBe('$0.000100');
    expect(formatMoney(12.5)).toBe('$12.5000');
    expect(formatMoney(0)).toBe('$0.0000');
    expect(formatCount(1234567n)).toBe('1,234,567');
    expect(formatCount(null)).toBe('–');
  });

  it('an estimated precision is rounded down, so it never reads higher than it is', () => {
    expect(formatPercent(0.9996)).toBe('100.0%');
    expect(formatEstimate(0.9996)).toBe('99.9%');
    expect(formatEstimate(0.9999999)).toBe('99.9%');
    expect(formatEstimate(1)).toBe('100.0%');
    expect(formatEstimate(0.997)).toBe('99.7%');
    expect(formatEstimate(Number.NaN)).toBe('–');
  });
});

describe('renderTable', () => {
  it('aligns columns: numbers right, text left', () => {
    const table = renderTable(
      [
        { name: 'Acme', n: 5 },
        { name: 'Koninklijke Ahold', n: 12345 },
      ],
      [
        { label: 'name', value: (r) => r.name },
        { label: 'n', value: (r) => r.n },
      ],
    );
    expect(table.split('\n')).toEqual([
      'name                    n',
      '─────────────────  ──────',
      'Acme                    5',
      'Koninklijke Ahold  12,345',
    ]);
  });

  it('every line fits the rule and has no trailing space, for any cells', () => {
    const row = fc.record({ a: fc.string(), b: fc.oneof(fc.integer(), fc.string()) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const lines = renderTable(rows, [
          { label: 'a', value: (r) => r.a },
          { label: 'b', value: (r) => r.b },
        ]).split('\n');
        const ruleWidth = width(lines[1]!);
        expect(lines).toHaveLength(rows.length + 2);
        for (const line of lines) {
          expect(width(line)).toBeLessThanOrEqual(ruleWidth);
          expect(line).toBe(line.trimEnd());
        }
      }),
    );
  });
});

describe('bar chart', () => {
  it('bars grow with the value and never exceed the width', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 1000 }), (a, b, max) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(width(barOf(lo, max, 20))).toBeLessThanOrEqual(width(barOf(hi, max, 20)));
        expect(width(barOf(hi, max, 20))).toBeLessThanOrEqual(20);
      }),
    );
  });

  it('the largest value fills the width; shares add up', () => {
    const chart = renderBarChart(
      [
        { label: 'exact_identifier', value: 30 },
        { label: 'no_match', value: 10 },
      ],
      { cells: 10 },
    );
    expect(chart.split('\n')).toEqual([
      'exact_identifier  ██████████  30   75.0%',
      'no_match          ███▍        10   25.0%',
    ]);
  });
});

describe('progress', () => {
  it('off a TTY writes key=value lines, one per 10% and one at the end', () => {
    let text = '';
    const progress = createProgress({ write: (c: string) => (text += c), isTTY: false }, 'run');
    for (let done = 0; done <= 1000; done += 1) progress.update(done, 1000);
    progress.finish();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('progress stage=run done=0 total=1000');
    expect(lines.at(-1)).toBe('progress stage=run done=1000 total=1000');
    expect(lines).toHaveLength(11);
  });

  it('on a TTY redraws one line and clears it when finished', () => {
    let text = '';
    const progress = createProgress({ write: (c: string) => (text += c), isTTY: true }, 'run');
    for (let done = 0; done <= 10; done += 1) progress.update(done, 10);
    progress.finish();
    expect(text).not.toContain('\n');
    expect(text).toContain('100%');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });
});
