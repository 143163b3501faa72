/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @ (or a tab / carriage return before one) as a formula. Every CSV em writes prefixes
 * such text cells with `'`; everything that reads em's CSVs back removes that one `'` again.
 *
 * The rule is reversible: a value that already starts with `'`s followed by a trigger gets one
 * more `'`, and reading removes exactly one, so `'=x` survives a round trip and a real name
 * such as `'t Hart B.V.` (no trigger after the quote) is written and read unchanged.
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;

/** The text to write in a CSV cell: `'` + value when a spreadsheet would run it as a formula. */
export function escapeFormulaCell(value: string): string {
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
}

/** The value of a cell em wrote with `escapeFormulaCell` (other text is returned as is). */
export function unescapeFormulaCell(cell: string): string {
  return PREFIXED.test(cell) ? cell.slice(1) : cell;
}

/** True when a cell would be run as a formula by a spreadsheet (what an export must never hold). */
export function isFormulaCell(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell);
}

/** RE2/SQL regex for "needs the prefix" (DuckDB's regexp_matches), so SQL exports follow the same rule. */
export const FORMULA_PREFIX_PATTERN = "^'*[=+\\-@\\t\\r]";
/** RE2/SQL regex for "was prefixed by em". */
export const FORMULA_PREFIXED_PATTERN = "^'+[=+\\-@\\t\\r]";
