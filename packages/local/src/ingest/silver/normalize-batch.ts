import { normalizeCompanyName, validatedIdentifiers } from '@em/core';
import { csvCell } from './csv-cells.js';

/** The text retrieval indexes: normalized name, country and industry, lower-cased. */
export const searchText = (normalized: string, country: string | null, industry: string | null): string =>
  [normalized, country, industry]
    .filter((v): v is string => v !== null && v !== '')
    .join(' | ')
    .toLowerCase();

/** One bronze row to normalize: its key (`key_b` only for sources) and the columns normalization reads. */
export interface BronzeRow {
  readonly key_a: string;
  readonly key_b: string | null;
  readonly company_name: string;
  readonly lei: string | null;
  readonly cusip: string | null;
  readonly isin: string | null;
  readonly country: string | null;
  readonly industry: string | null;
}

/** The columns `normalizeRows` writes, in order, with their DuckDB types. */
export const NORMALIZED_COLUMNS = {
  key_a: 'VARCHAR',
  key_b: 'VARCHAR',
  normalized_name: 'VARCHAR',
  base_name: 'VARCHAR',
  legal_form: 'VARCHAR',
  lei: 'VARCHAR',
  cusip: 'VARCHAR',
  isin: 'VARCHAR',
  identifier_notes: 'VARCHAR',
  search_text: 'VARCHAR',
} as const;

/**
 * The silver columns computed in JS, as CSV lines (see `csvCell`): the name normalized by
 * `normalizeCompanyName`, LEI, CUSIP and ISIN after check-digit validation (invalid ones NULL,
 * each with a note) and the search text. Every other silver column is a bronze column as it
 * is, so SQL copies it.
 */
export function normalizeRows(rows: readonly BronzeRow[]): string {
  let csv = '';
  for (const row of rows) {
    const name = normalizeCompanyName(row.company_name);
    const ids = validatedIdentifiers(row);
    csv += `${[
      csvCell(row.key_a),
      csvCell(row.key_b),
      csvCell(name.normalized),
      csvCell(name.base),
      csvCell(name.legalForm),
      csvCell(ids.lei),
      csvCell(ids.cusip),
      csvCell(ids.isin),
      csvCell(ids.notes.length > 0 ? ids.notes.join('; ') : null),
      csvCell(searchText(name.normalized, row.country, row.industry)),
    ].join(',')}\n`;
  }
  return csv;
}
