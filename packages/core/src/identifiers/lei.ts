import { InputError } from '../errors.js';
import { alphanumericValue, describeCharacter, firstInvalidCharacter } from './character-value.js';
import { normalizeIdentifier } from './normalize-identifier.js';
import type { ValidationResult } from './validation-result.js';

const LEI_LENGTH = 20;
const ALPHANUMERIC = /^[A-Z0-9]$/;

/**
 * ISO 7064 MOD 97-10 remainder of an alphanumeric string read as a number, letters expanded to
 * two digits (A=10 … Z=35). Computed digit by digit, so it never overflows.
 */
function mod97(value: string): number {
  let remainder = 0;
  for (let i = 0; i < value.length; i++) {
    const v = alphanumericValue(value.charCodeAt(i));
    remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
  }
  return remainder;
}

/**
 * The two ISO 17442 check digits (characters 19-20) for the first 18 characters of an LEI.
 * `leiCheckDigits('HWUPKR0MPOU8FGXBT3')` → `'94'`. Throws InputError on anything that is not
 * 18 characters of A-Z/0-9 after `normalizeIdentifier`.
 */
export function leiCheckDigits(first18: string): string {
  const body = normalizeIdentifier(first18);
  if (body.length !== LEI_LENGTH - 2 || firstInvalidCharacter(body, ALPHANUMERIC) !== null) {
    throw new InputError(
      `leiCheckDigits needs the first 18 characters of an LEI (A-Z, 0-9); got ${JSON.stringify(first18)}.`,
    );
  }
  return String(98 - mod97(`${body}00`)).padStart(2, '0');
}

/**
 * Validates a Legal Entity Identifier (ISO 17442): 20 characters A-Z/0-9 whose last two are
 * numeric ISO 7064 MOD 97-10 check digits. Applies `normalizeIdentifier` first; never throws.
 */
export function validateLei(value: string): ValidationResult {
  const lei = normalizeIdentifier(value);
  if (lei.length === 0) return { valid: false, reason: 'LEI is empty.' };
  const bad = firstInvalidCharacter(lei, ALPHANUMERIC);
  if (bad !== null) {
    return { valid: false, reason: `LEI may contain only A-Z and 0-9; found ${describeCharacter(bad)}.` };
  }
  if (lei.length !== LEI_LENGTH) {
    return { valid: false, reason: `LEI must be ${LEI_LENGTH} characters; got ${lei.length}.` };
  }
  const given = lei.slice(18);
  if (!/^[0-9]{2}$/.test(given)) {
    return { valid: false, reason: `LEI check digits (characters 19-20) must be digits; got "${given}".` };
  }
  const expected = leiCheckDigits(lei.slice(0, 18));
  if (given !== expected) {
    return {
      valid: false,
      reason: `LEI check digits do not match: expected ${expected}, got ${given} (a character is mistyped or the LEI is not real).`,
    };
  }
  return { valid: true };
}
