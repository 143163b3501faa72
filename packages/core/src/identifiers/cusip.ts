import { InputError } from '../errors.js';
import { alphanumericValue, describeCharacter, firstInvalidCharacter } from './character-value.js';
import { normalizeIdentifier } from './normalize-identifier.js';
import type { ValidationResult } from './validation-result.js';

const CUSIP_LENGTH = 9;
const CUSIP_CHARACTER = /^[A-Z0-9*@#]$/;

function cusipValue(code: number): number {
  if (code === 42) return 36; // *
  if (code === 64) return 37; // @
  if (code === 35) return 38; // #
  return alphanumericValue(code);
}

/**
 * The CUSIP check digit (character 9) for its first 8 characters: values 0-9, A=10 … Z=35,
 * `*`=36, `@`=37, `#`=38; every second value (characters 2, 4, 6, 8) doubled; the digits of all
 * values summed; check = (10 − sum mod 10) mod 10. `cusipCheckDigit('03783310')` → `'0'`.
 * Throws InputError unless the input is 8 such characters after `normalizeIdentifier`.
 */
export function cusipCheckDigit(first8: string): string {
  const body = normalizeIdentifier(first8);
  if (body.length !== CUSIP_LENGTH - 1 || firstInvalidCharacter(body, CUSIP_CHARACTER) !== null) {
    throw new InputError(
      `cusipCheckDigit needs the first 8 characters of a CUSIP (0-9, A-Z, *, @, #); got ${JSON.stringify(first8)}.`,
    );
  }
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = cusipValue(body.charCodeAt(i)) * (i % 2 === 1 ? 2 : 1);
    sum += Math.floor(v / 10) + (v % 10);
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Validates a CUSIP: 8 characters of 0-9, A-Z, `*`, `@`, `#` and a check digit.
 * Applies `normalizeIdentifier` first; never throws.
 */
export function validateCusip(value: string): ValidationResult {
  const cusip = normalizeIdentifier(value);
  if (cusip.length === 0) return { valid: false, reason: 'CUSIP is empty.' };
  const bad = firstInvalidCharacter(cusip, CUSIP_CHARACTER);
  if (bad !== null) {
    return {
      valid: false,
      reason: `CUSIP may contain only 0-9, A-Z, *, @ and #; found ${describeCharacter(bad)}.`,
    };
  }
  if (cusip.length !== CUSIP_LENGTH) {
    return { valid: false, reason: `CUSIP must be ${CUSIP_LENGTH} characters; got ${cusip.length}.` };
  }
  const given = cusip.slice(8);
  if (!/^[0-9]$/.test(given)) {
    return { valid: false, reason: `CUSIP check digit (character 9) must be a digit; got "${given}".` };
  }
  const expected = cusipCheckDigit(cusip.slice(0, 8));
  if (given !== expected) {
    return {
      valid: false,
      reason: `CUSIP check digit does not match: expected ${expected}, got ${given} (a character is mistyped or the CUSIP is not real).`,
    };
  }
  return { valid: true };
}
