import { InputError, ReferenceEntity, SourceEntity } from '@em/core';
import { type RowColumns, rowsParam, rowsSource } from '@em/sql';
import { ENTITY_TABLES, type EntityKind } from './entity-tables.js';
import type { SqlClient } from './sql-client.js';

export interface BronzeLoadReport {
  readonly kind: EntityKind;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

const CHUNK = 5_000;

/** MERGE rows into bronze keyed on the entity key; rows whose content hash is unchanged are left alone (ingestion_timestamp too). */
export function bronzeMergeSql(sql: SqlClient, kind: EntityKind): string {
  const spec = ENTITY_TABLES[kind];
  const columns: RowColumns = [...spec.columns.map((c) => [c, 'STRING'] as const), ['source_line', 'BIGINT']];
  const typed = (c: string) => (c === 'last_updated' ? 'TRY_CAST(s.last_updated AS TIMESTAMP)' : `s.${c}`);
  const all = [...spec.columns, 'ingestion_timestamp', 'content_hash', 'source_file', 'source_line'];
  const values = [
    ...spec.columns.map(typed),
    'current_timestamp()',
    's.content_hash',
    ':source_file',
    's.source_line',
  ];
  const updates = all
    .map((c, i) => [c, values[i]] as const)
    .filter(([c]) => !spec.key.includes(c))
    .map(([c, v]) => `${c} = ${v}`);
  return `/* em:bronze-merge */
MERGE INTO ${sql.table(spec.bronze)} AS t
USING (SELECT r.*, md5(to_json(array(${spec.columns.map((c) => `r.${c}`).join(', ')}))) AS content_hash
       FROM (${rowsSource(sql.target, 'rows', columns)}) AS r) AS s
ON ${spec.key.map((k) => `t.${k} = s.${k}`).join(' AND ')}
WHEN MATCHED AND t.content_hash <> s.content_hash THEN UPDATE SET ${updates.join(', ')}
WHEN NOT MATCHED THEN INSERT (${all.join(', ')}) VALUES (${values.join(', ')})`;
}

function validate(
  kind: EntityKind,
  rows: readonly Readonly<Record<string, unknown>>[],
): Record<string, unknown>[] {
  const schema = kind === 'reference' ? ReferenceEntity : SourceEntity;
  const problems: string[] = [];
  const valid = rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`row ${i + 1}: ${issue?.path.join('.') || '(row)'}: ${issue?.message}`);
      return {};
    }
    return { ...parsed.data, last_updated: row.last_updated ?? null, source_line: i + 1 };
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('\n  ');
    throw new InputError(
      `${problems.length} ${kind} row(s) are invalid; nothing was loaded. Fix them and load again:\n  ${shown}${problems.length > 10 ? `\n  … and ${problems.length - 10} more` : ''}`,
    );
  }
  return valid;
}

/** Load validated rows into bronze (reference or source), in chunks of 5,000. */
export async function loadBronze(
  sql: SqlClient,
  kind: EntityKind,
  rows: readonly Readonly<Record<string, unknown>>[],
  options: { sourceFile?: string } = {},
): Promise<BronzeLoadReport> {
  const spec = ENTITY_TABLES[kind];
  const columns: RowColumns = [...spec.columns.map((c) => [c, 'STRING'] as const), ['source_line', 'BIGINT']];
  // Delta rejects a MERGE whose source holds one key twice: the last row of a key wins, as in a re-ingest.
  const byKey = new Map(
    validate(kind, rows).map((r) => [spec.key.map((k) => String(r[k])).join('\u0000'), r]),
  );
  const valid = [...byKey.values()];
  const statement = bronzeMergeSql(sql, kind);
  let inserted = 0;
  let updated = 0;
  for (let at = 0; at < valid.length; at += CHUNK) {
    const chunk = valid.slice(at, at + CHUNK).map((r) => ({ ...r, market_cap: r.market_cap ?? null }));
    const [row] = await sql.all<{ num_inserted_rows?: unknown; num_updated_rows?: unknown }>(
      statement,
      { rows: rowsParam(columns, chunk), source_file: options.sourceFile ?? null },
      `loading bronze ${kind} rows`,
    );
    inserted += Number(row?.num_inserted_rows ?? 0);
    updated += Number(row?.num_updated_rows ?? 0);
  }
  return { kind, rows: valid.length, inserted, updated, unchanged: valid.length - inserted - updated };
}
