import { z } from 'zod';

/** Empty text, `undefined` and `null` all mean "no value" in a file. */
const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** An id: text as written (leading zeros kept); numbers and bigints from typed files become text; blank is "empty". */
export const idText = z.preprocess(
  (v) =>
    v === null || v === undefined ? '' : typeof v === 'number' || typeof v === 'bigint' ? String(v) : v,
  z.string().trim().min(1, 'is empty'),
);

/** An optional id or text: blank becomes null. */
export const optionalText = z.preprocess(
  (v) => (isBlank(v) ? null : typeof v === 'number' || typeof v === 'bigint' ? String(v) : v),
  z.string().nullable(),
);

/** A number that may arrive as text (CSV) or bigint (DuckDB); blank is not a number. */
export const numeric = z.preprocess(
  (v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
  z.number({ error: 'is not a number' }),
);

/** An optional number: blank becomes null. */
export const optionalNumeric = z.preprocess((v) => (isBlank(v) ? null : v), numeric.nullable());

/** JSON written as text in a CSV cell (or a DuckDB VARCHAR) is parsed; blank becomes null. */
export function jsonValue<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (isBlank(v)) return null;
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, schema.nullable());
}

const TRUE_WORDS = new Set(['1', 'true', 't', 'yes', 'y']);
const FALSE_WORDS = new Set(['0', 'false', 'f', 'no', 'n', '']);

/** A boolean cell (1/0, true/false, yes/no; blank is false); undefined when it is not boolean-like. */
export function parseBooleanCell(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (Number(value) === 1) return true;
    if (Number(value) === 0) return false;
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
