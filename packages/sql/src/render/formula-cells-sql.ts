import { FORMULA_PREFIX_PATTERN, FORMULA_PREFIXED_PATTERN } from '@em/core/text';

const literal = (pattern: string): string => `'${pattern.replaceAll("'", "''")}'`;

/** SQL for escapeFormulaCell (@em/core): `'` + the text where a spreadsheet would run it as a formula. */
export const escapeFormulaSql = (expr: string): string =>
  `CASE WHEN regexp_matches(${expr}, ${literal(FORMULA_PREFIX_PATTERN)}) THEN '''' || ${expr} ELSE ${expr} END`;

/** SQL for unescapeFormulaCell (@em/core): the value of a cell em wrote with a formula guard. */
export const unescapeFormulaSql = (expr: string): string =>
  // (the prefix check first spares the regex on the cells that cannot match)
  `CASE WHEN starts_with(${expr}, '''') AND regexp_matches(${expr}, ${literal(FORMULA_PREFIXED_PATTERN)}) THEN substr(${expr}, 2) ELSE ${expr} END`;
