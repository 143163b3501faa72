import { InputError } from '../errors.js';
import { alphanumericValue, describeCharacter, firstInvalidCharacter } from './character-value.js';
import { ISIN_PREFIXES } from './isin-prefixes.js';
import { normalizeIdentifier } from './normalize-identifier.js';
import type { ValidationResult } from './validation-result.js';

const ISIN_LENGTH = 12;
const ALPHANUMERIC = /^[A-Z0-9]$/;

/**
 * The ISO 6166 check digit (character 12) for the first 11 characters of an ISIN: letters are
 * expanded to two digits (A=10 … Z=35), then Luhn runs over the digit string, doubling from the
 * rightmost digit. `isinCheckDigit('US037833100')` → `'5'`. Throws InputError unless the input is
 * 11 characters of A-Z/0-9 after `normalizeIdentifier`.
 */
export function isinCheckDigit(first11: string): string {
  const body = normalizeIdentifier(first11);
  if (body.length !== ISIN_LENGTH - 1 || firstInvalidCharacter(body, ALPHANUMERIC) !== null) {
    throw new InputError(
      `isinCheckDigit needs the first 11 characters of an ISIN (A-Z, 0-9); got ${JSON.stringify(first11)}.`,
    );
  }
  let sum = 0;
  let double = true; // the rightmost expanded digit is doubled: the check digit will follow it
  for (let i = body.length - 1; i >= 0; i--) {
    const v = alphanumericValue(body.charCodeAt(i));
    // A letter contributes two digits: its units digit first (rightmost), then its tens digit.
    const digits = v >= 10 ? [v % 10, Math.floor(v / 10)] : [v];
    for (const d of digits) {
      const x = double ? d * 2 : d;
      sum += x > 9 ? x - 9 : x;
      double = !double;
    }
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Validates an International Securities Identification Number (ISO 6166): a two-letter country
 * prefix (ISO 3166 or a special ISIN prefix, see ISIN_PREFIXES), a nine-character alphanumeric
 * NSIN and a Luhn check digit. Applies `normalizeIdentifier` first; never throws.
 */
export function validateIsin(value: string): ValidationResult {
  const isin = normalizeIdentifier(value);
  if (isin.length === 0) return { valid: false, reason: 'ISIN is empty.' };
  const bad = firstInvalidCharacter(isin, ALPHANUMERIC);
  if (bad !== null) {
    return { valid: false, reason: `ISIN may contain only A-Z and 0-9; found ${describeCharacter(bad)}.` };
  }
  if (isin.length !== ISIN_LENGTH) {
    return { valid: false, reason: `ISIN must be ${ISIN_LENGTH} characters; got ${isin.length}.` };
  }
  const prefix = isin.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(prefix)) {
    return { valid: false, reason: `ISIN must start with a two-letter country code; got "${prefix}".` };
  }
  if (!ISIN_PREFIXES.has(prefix)) {
    return {
      valid: false,
      reason: `ISIN country prefix "${prefix}" is neither an ISO 3166 country code nor a special ISIN prefix (XS, EU, XA-XD, EZ).`,
    };
  }
  const given = isin.slice(11);
  if (!/^[0-9]$/.test(given)) {
    return { valid: false, reason: `ISIN check digit (character 12) must be a digit; got "${given}".` };
  }
  const expected = isinCheckDigit(isin.slice(0, 11));
  if (given !== expected) {
    return {
      valid: false,
      reason: `ISIN check digit does not match: expected ${expected}, got ${given} (a character is mistyped or the ISIN is not real).`,
    };
  }
  return { valid: true };
}
