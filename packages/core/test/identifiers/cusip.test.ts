import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cusipCheckDigit, validateCusip } from '../../src/entries/features.js';
import { InputError } from '../../src/index.js';
import { ALPHANUMERIC, DIGITS, isDigit, stringOf, substitutions } from './alphabets.js';

const CUSIP_ALPHABET = `${ALPHANUMERIC}*@#`;

/** Independent oracle: the textbook CUSIP sum over all nine characters (check digit undoubled). */
function oracleValid(cusip: string): boolean {
  if (!/^[A-Z0-9*@#]{8}[0-9]$/.test(cusip)) return false;
  let sum = 0;
  [...cusip].forEach((c, i) => {
    const base = '*@#'.includes(c) ? 36 + '*@#'.indexOf(c) : Number.parseInt(c, 36);
    const v = i % 2 === 1 ? base * 2 : base;
    sum += Math.floor(v / 10) + (v % 10);
  });
  return sum % 10 === 0;
}

describe('validateCusip', () => {
  it.each([
    ['037833100', 'Apple Inc.'],
    ['594918104', 'Microsoft Corporation'],
    ['38259P508', 'Google Inc. (2004)'],
    ['68389X105', 'Oracle Corporation'],
    ['17275R102', 'Cisco Systems, Inc.'],
  ])('accepts %s (%s)', (cusip) => {
    expect(validateCusip(cusip)).toEqual({ valid: true });
  });

  it.each([
    ['', /CUSIP is empty/],
    ['03783310', /must be 9 characters; got 8/],
    ['0378331!0', /only 0-9, A-Z, \*, @ and #; found "!" at position 8/],
    ['03783310X', /check digit \(character 9\) must be a digit; got "X"/],
    ['037833107', /expected 0, got 7/],
  ])('rejects %j with an actionable reason', (value, reason) => {
    const result = validateCusip(value);
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(reason);
  });

  it('values * @ # as 36 37 38', () => {
    // 1, 2×2=4, 3, 4×2=8, 5, 6×2=12→1+2, 7, *=36×2=72→7+2: sum 40, check digit 0.
    expect(cusipCheckDigit('1234567*')).toBe('0');
    for (const body of ['ABC*@#12', '#@*#@*#@'])
      expect(validateCusip(body + cusipCheckDigit(body)).valid).toBe(true);
  });
});

describe('cusipCheckDigit', () => {
  it('throws InputError on input that is not 8 CUSIP characters', () => {
    expect(() => cusipCheckDigit('0378331')).toThrow(InputError);
  });

  it('round-trips: body + computed check digit validates', () => {
    fc.assert(
      fc.property(stringOf(CUSIP_ALPHABET, 8), (body) => {
        const cusip = body + cusipCheckDigit(body);
        expect(validateCusip(cusip)).toEqual({ valid: true });
        expect(oracleValid(cusip)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('single-character substitutions of a valid CUSIP', () => {
  // The CUSIP sum adds the digits of each (possibly doubled) value, so it catches every digit for
  // a digit and any change of the check digit. Letters and symbols collide with digits and with
  // each other: at an undoubled position 'A' (1+0) counts like '1', 'C' (1+2) and 'L' (2+1) like '3'.
  it('rejects every digit-for-digit change and every check-digit change; others agree with the oracle', () => {
    fc.assert(
      fc.property(stringOf(CUSIP_ALPHABET, 8), (body) => {
        const cusip = body + cusipCheckDigit(body);
        for (let position = 0; position < 9; position++) {
          const alphabet = position === 8 ? `${DIGITS}A*` : CUSIP_ALPHABET;
          for (const corrupted of substitutions(cusip, position, alphabet)) {
            const guaranteed = position === 8 || (isDigit(cusip[position]!) && isDigit(corrupted[position]!));
            const verdict = validateCusip(corrupted).valid;
            if (guaranteed) expect(verdict, corrupted).toBe(false);
            else expect(verdict, corrupted).toBe(oracleValid(corrupted));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(['037833A00', '03783C100', 'C8259P508'])(
    'documents the limit: %s (one character off a real CUSIP) still passes',
    (corrupted) => {
      expect(validateCusip(corrupted).valid).toBe(true);
    },
  );
});
