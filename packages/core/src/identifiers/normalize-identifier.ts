/**
 * The canonical form every identifier validator and check-digit calculator works on:
 * surrounding and inner whitespace and hyphens removed, upper-cased.
 * `" us-0378 331005 "` → `"US0378331005"`. Total: any input, even a non-string from
 * untyped callers, gives a string.
 */
export function normalizeIdentifier(value: string): string {
  if (typeof value !== 'string') return '';
  return value.replace(/[\s\-\u2010-\u2015\u2212]+/gu, '').toUpperCase();
}
