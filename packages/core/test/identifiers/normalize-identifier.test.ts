import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCusip, validateIsin, validateLei } from '../../src/entries/features.js';
import { normalizeIdentifier } from '../../src/index.js';

describe('normalizeIdentifier', () => {
  it.each([
    [' us0378331005 ', 'US0378331005'],
    ['US 0378 3310 05', 'US0378331005'],
    ['037-833-100', '037833100'],
    ['hwupkr0mpou8fgxbt394', 'HWUPKR0MPOU8FGXBT394'],
    ['\tUS0378331005\n', 'US0378331005'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeIdentifier(input)).toBe(expected);
  });

  it('is idempotent and total', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeIdentifier(s);
        expect(normalizeIdentifier(once)).toBe(once);
        expect(once).not.toMatch(/[\s-]/u);
      }),
    );
  });

  it('lets the validators accept the spaced, hyphenated, lower-case forms people type', () => {
    expect(validateIsin('us 0378331005').valid).toBe(true);
    expect(validateCusip('037833-100').valid).toBe(true);
    expect(validateLei(' hwupkr0mpou8fgxbt394').valid).toBe(true);
  });
});

describe('validators are total', () => {
  it('never throw and always explain a rejection', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        for (const validate of [validateLei, validateIsin, validateCusip]) {
          const result = validate(s);
          expect(typeof result.valid).toBe('boolean');
          if (!result.valid) expect(result.reason).toMatch(/\S/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('treat non-strings from untyped callers as empty', () => {
    for (const validate of [validateLei, validateIsin, validateCusip]) {
      expect(validate(null as unknown as string)).toEqual({
        valid: false,
        reason: expect.stringMatching(/empty/),
      });
      expect(validate(42 as unknown as string).valid).toBe(false);
    }
  });
});
