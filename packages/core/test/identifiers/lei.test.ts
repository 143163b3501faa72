import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leiCheckDigits, validateLei } from '../../src/entries/features.js';
import { InputError } from '../../src/index.js';
import { ALPHANUMERIC, expandLetters, isDigit, stringOf, substitutions } from './alphabets.js';

/** Independent oracle: the whole expanded number, as a BigInt, mod 97 (ISO 7064 MOD 97-10). */
function oracleValid(lei: string): boolean {
  return /^[A-Z0-9]{18}[0-9]{2}$/.test(lei) && BigInt(expandLetters(lei)) % 97n === 1n;
}

describe('validateLei', () => {
  it.each([
    ['HWUPKR0MPOU8FGXBT394', 'Apple Inc.'],
    ['INR2EJN1ERAN0W5ZP974', 'Microsoft Corporation'],
    ['5493001KJTIIGC8Y1R12', 'Bloomberg Finance L.P.'],
    ['7LTWFZYICNSX8D621K86', 'Deutsche Bank AG'],
    ['529900T8BM49AURSDO55', 'Deutsche Börse AG'],
  ])('accepts %s (%s)', (lei) => {
    expect(validateLei(lei)).toEqual({ valid: true });
  });

  it.each([
    ['', /LEI is empty/],
    ['HWUPKR0MPOU8FGXBT39', /must be 20 characters; got 19/],
    ['HWUPKR0MPOU8FGXBT3944', /must be 20 characters; got 21/],
    ['HWUPKR0MPOU8FGX!T394', /only A-Z and 0-9; found "!" at position 16/],
    ['HWUPKR0MPOU8FGXBT3A4', /check digits \(characters 19-20\) must be digits; got "A4"/],
    ['HWUPKR0MPOU8FGXBT395', /expected 94, got 95/],
    ['549300FX7K9QRXDE7E94', /expected 07, got 94/],
  ])('rejects %j with an actionable reason', (value, reason) => {
    const result = validateLei(value);
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(reason);
  });
});

describe('leiCheckDigits', () => {
  it('computes the ISO 17442 check digits', () => {
    expect(leiCheckDigits('HWUPKR0MPOU8FGXBT3')).toBe('94');
    expect(leiCheckDigits('549300FX7K9QRXDE7E')).toBe('07');
  });

  it('throws InputError on input that is not 18 alphanumerics', () => {
    expect(() => leiCheckDigits('HWUPKR')).toThrow(InputError);
    expect(() => leiCheckDigits('HWUPKR0MPOU8FGXBT!')).toThrow(/first 18 characters/);
  });

  it('round-trips: body + computed check digits validates', () => {
    fc.assert(
      fc.property(stringOf(ALPHANUMERIC, 18), (body) => {
        const lei = body + leiCheckDigits(body);
        expect(validateLei(lei)).toEqual({ valid: true });
        expect(oracleValid(lei)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('single-character substitutions of a valid LEI', () => {
  // MOD 97-10 over letter-expanded digits catches every substitution that keeps the character
  // class (digit for digit, letter for letter: the number changes by Δ·10^k with 0 < |Δ| < 97)
  // and every change to the check digits. A letter for a digit (or back) changes the length of
  // the expanded number, and about 1 in 97 of those slips through; no check-digit scheme over
  // this alphabet with two digits can do better. We test the law exactly as it holds.
  it('rejects every same-class substitution and every check-digit change; others agree with the oracle', () => {
    fc.assert(
      fc.property(stringOf(ALPHANUMERIC, 18), (body) => {
        const lei = body + leiCheckDigits(body);
        for (let position = 0; position < 20; position++) {
          for (const corrupted of substitutions(lei, position, ALPHANUMERIC)) {
            const sameClass = isDigit(corrupted[position]!) === isDigit(lei[position]!);
            const verdict = validateLei(corrupted).valid;
            if (sameClass || position >= 18) expect(verdict, corrupted).toBe(false);
            else expect(verdict, corrupted).toBe(oracleValid(corrupted));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('documents the limit: a digit turned into a letter can keep MOD 97 at 1', () => {
    // '0Y2DABTBSC0W2WUVOH45' with character 11 ('0') replaced by 'K'.
    expect(validateLei('0Y2DABTBSC0W2WUVOH45').valid).toBe(true);
    expect(validateLei('0Y2DABTBSCKW2WUVOH45').valid).toBe(true);
  });
});
