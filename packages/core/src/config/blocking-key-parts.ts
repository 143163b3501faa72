/** Columns both sources and the reference have, usable in a blocking key. */
export const BLOCKING_COLUMNS = [
  'company_name',
  'ticker',
  'lei',
  'cusip',
  'isin',
  'country',
  'industry',
] as const;
/** Keys derived from a record: normalized base name, its first token or first 4 letters, the ticker key. */
export const DERIVED_KEYS = ['name_key', 'first_name_token', 'name_prefix4', 'ticker_key'] as const;
export type BlockingKeyPart = (typeof BLOCKING_COLUMNS)[number] | (typeof DERIVED_KEYS)[number];

const KNOWN: ReadonlySet<string> = new Set([...BLOCKING_COLUMNS, ...DERIVED_KEYS]);

/** The parts of a blocking key spec ("country+first_name_token"). */
export const blockingKeyParts = (spec: string): string[] => spec.split('+').map((p) => p.trim());

/** Why a blocking key spec is unusable, or null when it is fine. */
export function blockingKeyProblem(spec: string): string | null {
  const unknown = blockingKeyParts(spec).filter((p) => !KNOWN.has(p));
  if (unknown.length === 0) return null;
  return `"${spec}" uses ${unknown.map((u) => `"${u}"`).join(', ')}, which is not a column of both the sources and the reference; use columns or derived keys joined with "+": ${[...KNOWN].join(', ')}`;
}
