/**
 * Three-valued agreement of two optional attributes: 1 when both are present and equal,
 * -1 when both are present and differ, 0 when either is missing.
 */
export function agreement(a: string | null | undefined, b: string | null | undefined): number {
  const x = a?.trim().toLowerCase() ?? '';
  const y = b?.trim().toLowerCase() ?? '';
  if (x === '' || y === '') return 0;
  return x === y ? 1 : -1;
}

/** Agreement of two sorted lists of number tokens: 1 same non-empty set, -1 both non-empty and different, 0 otherwise. */
export function numberAgreement(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return a.length === b.length && a.every((x, i) => x === b[i]) ? 1 : -1;
}

/** Share of `tokens` that occur in `other` exactly or as a prefix of (or prefixed by) one of its tokens. */
export function coveredShare(tokens: readonly string[], other: readonly string[]): number {
  if (tokens.length === 0) return 0;
  let covered = 0;
  for (const t of tokens) if (other.some((o) => o === t || o.startsWith(t) || t.startsWith(o))) covered++;
  return covered / tokens.length;
}

/** 1 when one name is a single token equal to the initials of the other's tokens (IBM / international business machines). */
export function acronymMatch(a: readonly string[], b: readonly string[]): number {
  const test = (short: readonly string[], long: readonly string[]): boolean =>
    short.length === 1 && long.length >= 2 && short[0] === long.map((t) => t[0]).join('');
  return test(a, b) || test(b, a) ? 1 : 0;
}
