import fc from 'fast-check';

export const DIGITS = '0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ALPHANUMERIC = DIGITS + LETTERS;

/** A string of exactly `length` characters drawn from `alphabet`. */
export function stringOf(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });
}

export function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Every string that differs from `value` in exactly one character at `position`. */
export function substitutions(value: string, position: number, alphabet: string): string[] {
  return [...alphabet]
    .filter((c) => c !== value[position])
    .map((c) => value.slice(0, position) + c + value.slice(position + 1));
}

/** Letters A=10 … Z=35 written as two decimal digits, digits as themselves. */
export function expandLetters(value: string): string {
  return [...value].map((c) => (isDigit(c) ? c : String(c.charCodeAt(0) - 55))).join('');
}
