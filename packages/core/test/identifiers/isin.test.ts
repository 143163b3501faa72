import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISIN_PREFIXES, isinCheckDigit, validateIsin } from '../../src/entries/features.js';
import { InputError } from '../../src/index.js';
import { ALPHANUMERIC, expandLetters, isDigit, stringOf, substitutions } from './alphabets.js';

/** Independent oracle: textbook Luhn over the letter-expanded 12 characters, plus the prefix rule. */
function oracleValid(isin: string): boolean {
  if (!/^[A-Z]{2}[A-Z0-9]{9}[0-9]$/.test(isin) || !ISIN_PREFIXES.has(isin.slice(0, 2))) return false;
  const digits = expandLetters(isin);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const prefix = fc.constantFrom(...[...ISIN_PREFIXES].sort());

describe('validateIsin', () => {
  it.each([
    ['US0378331005', 'Apple Inc.'],
    ['US5949181045', 'Microsoft Corporation'],
    ['AU0000XVGZA3', 'letters in the NSIN'],
    ['GB0002634946', 'BAE Systems plc'],
    ['DE0005227201', 'Biotest (from the reference data)'],
    ['XS1234567896', 'Euroclear / Clearstream prefix'],
  ])('accepts %s (%s)', (isin) => {
    expect(validateIsin(isin)).toEqual({ valid: true });
  });

  it.each([
    ['', /ISIN is empty/],
    ['US037833100', /must be 12 characters; got 11/],
    ['US03783310.5', /only A-Z and 0-9; found "\." at position 11/],
    ['120378331005', /two-letter country code; got "12"/],
    ['ZZ0378331005', /prefix "ZZ" is neither an ISO 3166 country code/],
    ['US037833100X', /check digit \(character 12\) must be a digit; got "X"/],
    ['US0378331007', /expected 5, got 7/],
  ])('rejects %j with an actionable reason', (value, reason) => {
    const result = validateIsin(value);
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(reason);
  });

  it('knows the special and withdrawn prefixes found in real ISINs', () => {
    for (const code of ['XS', 'EU', 'XA', 'XB', 'XC', 'XD', 'EZ', 'AN', 'CS'])
      expect(ISIN_PREFIXES.has(code)).toBe(true);
    expect(ISIN_PREFIXES.size).toBe(249 + 11);
  });
});

describe('isinCheckDigit', () => {
  it('computes the ISO 6166 check digit', () => {
    expect(isinCheckDigit('US037833100')).toBe('5');
    expect(isinCheckDigit('AU0000XVGZA')).toBe('3');
  });

  it('throws InputError on input that is not 11 alphanumerics', () => {
    expect(() => isinCheckDigit('US03783310')).toThrow(InputError);
  });

  it('round-trips: body + computed check digit validates', () => {
    fc.assert(
      fc.property(prefix, stringOf(ALPHANUMERIC, 9), (country, nsin) => {
        const isin = country + nsin + isinCheckDigit(country + nsin);
        expect(validateIsin(isin)).toEqual({ valid: true });
        expect(oracleValid(isin)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

/** True when two letters' two-digit expansions differ in exactly one digit (A=10 vs K=20: yes; A vs L=21: no). */
function oneExpandedDigitApart(a: string, b: string): boolean {
  const [x, y] = [expandLetters(a), expandLetters(b)];
  return (x[0] === y[0]) !== (x[1] === y[1]);
}

describe('single-character substitutions of a valid ISIN', () => {
  // Luhn over the expanded digits catches every single-digit change. So an ISIN check catches:
  // any change of the check digit, a digit for a digit, and a letter for a letter when their
  // two-digit values differ in one digit (A↔K, A↔B). It can miss a letter for a letter that
  // changes both digits (0-9 ↔ 2-digit values shift parity too) and a letter for a digit, which
  // shifts the doubling of every digit to its left: e.g. US0378331005 → USH378331005 passes.
  it('rejects every change Luhn guarantees to catch; all others agree with the oracle', () => {
    fc.assert(
      fc.property(prefix, stringOf(ALPHANUMERIC, 9), (country, nsin) => {
        const isin = country + nsin + isinCheckDigit(country + nsin);
        for (let position = 0; position < 12; position++) {
          for (const corrupted of substitutions(isin, position, ALPHANUMERIC)) {
            const [was, now] = [isin[position]!, corrupted[position]!];
            const guaranteed =
              position === 11 ||
              (isDigit(was) && isDigit(now)) ||
              (!isDigit(was) && !isDigit(now) && oneExpandedDigitApart(was, now));
            const verdict = validateIsin(corrupted).valid;
            if (guaranteed) expect(verdict, corrupted).toBe(false);
            else expect(verdict, corrupted).toBe(oracleValid(corrupted));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(['USH378331005', 'US037833Z005', 'AU0000XCGZA3', 'AU00007VGZA3'])(
    'documents the limit: %s (one character off a real ISIN) still passes',
    (corrupted) => {
      expect(validateIsin(corrupted).valid).toBe(true);
    },
  );
});
