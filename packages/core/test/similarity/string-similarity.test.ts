import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charNgramJaccard,
  commonTokenPrefixRatio,
  jaro,
  jaroWinkler,
  levenshteinRatio,
  longestCommonSubsequence,
  tokenPrefixMatch,
  tokenSetRatio,
  tokenSortRatio,
} from '../../src/entries/text.js';

const reference = JSON.parse(
  readFileSync(new URL('./__fixtures__/rapidfuzz-pairs.json', import.meta.url), 'utf8'),
) as {
  rows: [string, string, number, number, number, number][];
};

describe('agreement with rapidfuzz 3.14', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961111111111, 0.833333333333, 0.833333333333, 0.833333333333],
    ['DIXON', 'DICKSONX', 0.813333333333, 0.615384615385, 0.615384615385, 0.615384615385],
    ['fuzzy was a bear', 'fuzzy fuzzy was a bear', 0.907954545455, 0.842105263158, 0.842105263158, 1],
    ['fuzzy was a bear but not a dog', 'fuzzy was a bear but not a cat', 0.96, 0.9, 0.9, 0.923076923077],
    ['', '', 1, 1, 1, 0],
    ['a', '', 0, 0, 0, 0],
  ])('%j vs %j', (a, b, jw, ratio, sort, set) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 10);
    expect(levenshteinRatio(a, b)).toBeCloseTo(ratio, 10);
    expect(tokenSortRatio(a, b)).toBeCloseTo(sort, 10);
    expect(tokenSetRatio(a, b)).toBeCloseTo(set, 10);
  });

  it(`matches on ${reference.rows.length} random pairs scored by rapidfuzz`, () => {
    for (const [a, b, jw, ratio, sort, set] of reference.rows) {
      const pair = JSON.stringify([a, b]);
      expect(jaroWinkler(a, b), pair).toBeCloseTo(jw, 10);
      expect(levenshteinRatio(a, b), pair).toBeCloseTo(ratio, 10);
      expect(tokenSortRatio(a, b), pair).toBeCloseTo(sort, 10);
      expect(tokenSetRatio(a, b), pair).toBeCloseTo(set, 10);
    }
  });
});

describe('other measures', () => {
  it('longestCommonSubsequence', () => {
    expect(longestCommonSubsequence('ABCBDAB', 'BDCABA')).toBe(4);
    expect(longestCommonSubsequence('', 'abc')).toBe(0);
  });

  it('charNgramJaccard over trigrams by default', () => {
    expect(charNgramJaccard('abcd', 'abce')).toBeCloseTo(1 / 3, 12); // {abc,bcd} vs {abc,bce}
    expect(charNgramJaccard('ab', 'ab ')).toBe(0); // short strings are single grams
    expect(charNgramJaccard('abcd', 'bcde', 2)).toBeCloseTo(2 / 4, 12);
    expect(charNgramJaccard('', '')).toBe(1);
    expect(charNgramJaccard('abc', '')).toBe(0);
  });

  it('commonTokenPrefixRatio', () => {
    expect(commonTokenPrefixRatio('sitc international holdings', 'sitc international holdings co')).toBe(1);
    expect(commonTokenPrefixRatio('bank ny mellon', 'bank of new york mellon')).toBeCloseTo(1 / 3, 12);
    expect(commonTokenPrefixRatio('', 'x')).toBe(0);
  });

  it('tokenPrefixMatch: truncated listing names', () => {
    expect(tokenPrefixMatch('maternus kli', 'maternus kliniken')).toBe(1);
    expect(tokenPrefixMatch('kloeckner', 'kloeckner')).toBe(1);
    expect(
      tokenPrefixMatch('hann arm sus inf ca', 'hannon armstrong sustainable infrastructure capital'),
    ).toBe(1);
    expect(tokenPrefixMatch('sit', 'site group international')).toBeCloseTo(1 / 3, 12);
    expect(tokenPrefixMatch('westingh ai br', 'westinghouse air brake technologies')).toBe(3 / 4);
    expect(tokenPrefixMatch('turk ha yo uns', 'turk hava yollari')).toBe(3 / 4);
    expect(tokenPrefixMatch('hasbro', 'hays')).toBe(0);
  });
});

const measures = {
  jaro,
  jaroWinkler,
  levenshteinRatio,
  tokenSetRatio,
  tokenSortRatio,
  charNgramJaccard: (a: string, b: string) => charNgramJaccard(a, b),
  commonTokenPrefixRatio,
  tokenPrefixMatch,
};
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const wordy = fc
  .array(fc.constantFrom('acme', 'ac', 'corp', 'co', 'holdings', 'hldg', 'intl', ' ', '  ', 'é', '😀'), {
    maxLength: 8,
  })
  .map((parts) => parts.join(' '));

describe.each(Object.entries(measures))('%s laws', (_name, measure) => {
  it('stays in [0, 1] and is symmetric, on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, wordy), fc.oneof(anyText, wordy), (a, b) => {
        const forward = measure(a, b);
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(forward).toBeLessThanOrEqual(1);
        expect(measure(b, a)).toBe(forward);
      }),
      { numRuns: 500 },
    );
  });

  it('is 1 on identical input that has a token', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, wordy).filter((s) => /\S/.test(s)),
        (a) => {
          expect(measure(a, a)).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
