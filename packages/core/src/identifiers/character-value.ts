/** Value of one identifier character: '0'-'9' → 0-9, 'A'-'Z' → 10-35; -1 for anything else. */
export function alphanumericValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/**
 * `allowed` when it is one character class (`^[…]$`) widened to a whole string of them, so the
 * common all-valid value costs one regex test instead of one per character; null otherwise.
 */
const wholeStringPatterns = new WeakMap<RegExp, RegExp | null>();
function wholeString(allowed: RegExp): RegExp | null {
  let whole = wholeStringPatterns.get(allowed);
  if (whole === undefined) {
    const { source, flags } = allowed;
    whole =
      /^\^\[[^\]]*\]\$$/.test(source) && !/[gy]/.test(flags)
        ? new RegExp(`^${source.slice(1, -1)}*$`, flags)
        : null;
    wholeStringPatterns.set(allowed, whole);
  }
  return whole;
}

/** The first character (1-based position, counted in code points) that `allowed` rejects, or null. */
export function firstInvalidCharacter(
  value: string,
  allowed: RegExp,
): { position: number; char: string } | null {
  if (wholeString(allowed)?.test(value)) return null;
  let position = 0;
  for (const char of value) {
    position += 1;
    if (!allowed.test(char)) return { position, char };
  }
  return null;
}

/** `"!" at position 5`, as people count characters. */
export function describeCharacter(found: { position: number; char: string }): string {
  return `${JSON.stringify(found.char)} at position ${found.position}`;
}
