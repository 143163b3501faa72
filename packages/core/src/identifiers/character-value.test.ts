import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidCharacter } from './character-value.js';

/** The definition: test every code point on its own. */
function slowFirstInvalid(value: string, allowed: RegExp): { position: number; char: string } | null {
  let position = 0;
  for (const char of value) {
    position += 1;
    if (!allowed.test(char)) return { position, char };
  }
  return null;
}

const identifierLike = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ABCXYZ0129*@#a-é\n '.split(''), '😀'), maxLength: 24 }),
  fc.string({ maxLength: 24 }),
);

describe('firstInvalidCharacter', () => {
  it.each([/^[A-Z0-9]$/, /^[A-Z0-9*@#]$/, /^[a-z]$/u])('equals testing each character with %s', (allowed) => {
    fc.assert(
      fc.property(identifierLike, (value) => {
        expect(firstInvalidCharacter(value, allowed)).toEqual(slowFirstInvalid(value, allowed));
      }),
      { numRuns: 500 },
    );
  });

  it('still finds the first bad character of a pattern it cannot widen', () => {
    expect(firstInvalidCharacter('ab!', /^(a|b)$/)).toEqual({ position: 3, char: '!' });
  });
});
