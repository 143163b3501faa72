import { normalizeCompanyName, validatedIdentifiers } from '@em/core';
import { type RowColumns, rowsParam, rowsSource } from '@em/sql';
import { ENTITY_TABLES, type EntityKind, keysetAfter, keysetParams } from './entity-tables.js';
import type { SqlClient } from './sql-client.js';

const COMMON: RowColumns = [
  'normalized_name',
  'base_name',
  'legal_form',
  'original_name',
  'ticker',
  'lei',
  'cusip',
  'isin',
  'lei_raw',
  'cusip_raw',
  'isin_raw',
  'identifier_notes',
  'country',
  'industry',
  'search_text',
  'content_hash',
].map((c) => [c, 'STRING'] as const);

const silverColumns = (kind: EntityKind): RowColumns =>
  kind === 'reference'
    ? [['ciq_id', 'STRING'], ...COMMON, ['sector', 'STRING']]
    : [['source_id', 'STRING'], ['source_system', 'STRING'], ...COMMON];

/** The text retrieval searches: normalized name, country and industry, lower-cased (as the embedded engine writes it). */
export const searchText = (normalized: string, country: unknown, industry: unknown): string =>
  [normalized, country, industry]
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join(' | ')
    .toLowerCase();

export function silverPendingSql(sql: SqlClient, kind: EntityKind, pageSize: number): string {
  const spec = ENTITY_TABLES[kind];
  return `/* em:silver-pending */
SELECT b.*
FROM ${sql.table(spec.bronze)} b LEFT JOIN ${sql.table(spec.silver)} v ON ${spec.key.map((k) => `v.${k} = b.${k}`).join(' AND ')}
WHERE (v.content_hash IS NULL OR v.content_hash <> b.content_hash) AND ${keysetAfter('b', spec.key)}
ORDER BY ${spec.key.map((k) => `b.${k}`).join(', ')}
LIMIT ${pageSize}`;
}

export function silverMergeSql(sql: SqlClient, kind: EntityKind): string {
  const spec = ENTITY_TABLES[kind];
  const names = silverColumns(kind).map(([c]) => c);
  return `/* em:silver-merge */
MERGE INTO ${sql.table(spec.silver)} AS t
USING (${rowsSource(sql.target, 'rows', silverColumns(kind))}) AS s
ON ${spec.key.map((k) => `t.${k} = s.${k}`).join(' AND ')}
WHEN MATCHED THEN UPDATE SET ${names.map((c) => `${c} = s.${c}`).join(', ')}, processing_timestamp = current_timestamp()
WHEN NOT MATCHED THEN INSERT (${names.join(', ')}, processing_timestamp) VALUES (${names.map((c) => `s.${c}`).join(', ')}, current_timestamp())`;
}

/** A bronze row → its silver row: normalized name, check-digit-validated identifiers (invalid ones NULL, raw kept, reason noted). */
export function silverRow(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const name = normalizeCompanyName(String(row.company_name));
  const ids = validatedIdentifiers({ lei: text(row.lei), isin: text(row.isin), cusip: text(row.cusip) });
  return {
    ...row,
    normalized_name: name.normalized,
    base_name: name.base,
    legal_form: name.legalForm,
    original_name: row.company_name,
    lei: ids.lei,
    cusip: ids.cusip,
    isin: ids.isin,
    lei_raw: text(row.lei),
    cusip_raw: text(row.cusip),
    isin_raw: text(row.isin),
    identifier_notes: ids.notes.length > 0 ? ids.notes.join('; ') : null,
    search_text: searchText(name.normalized, row.country, row.industry),
  };
}

/** Bring silver in line with bronze for one kind: rows missing from silver or with another content hash are normalized and MERGEd. Returns how many. */
export async function refreshSilver(
  sql: SqlClient,
  kind: EntityKind,
  options: { pageSize?: number } = {},
): Promise<number> {
  const spec = ENTITY_TABLES[kind];
  const pageSize = options.pageSize ?? 5_000;
  const select = silverPendingSql(sql, kind, pageSize);
  const merge = silverMergeSql(sql, kind);
  let last: Record<string, unknown> | null = null;
  let done = 0;
  for (;;) {
    const rows: Record<string, unknown>[] = await sql.all(
      select,
      keysetParams(spec.key, last),
      `reading bronze ${kind} rows to normalize`,
    );
    if (rows.length === 0) return done;
    await sql.run(
      merge,
      { rows: rowsParam(silverColumns(kind), rows.map(silverRow)) },
      `writing silver ${kind} rows`,
    );
    done += rows.length;
    last = rows.at(-1) ?? null;
    if (rows.length < pageSize) return done;
  }
}
