import type { SqlDialect } from '../render/render-sql.js';

/** Where a statement will run: the dialect, and on Databricks the Unity Catalog catalog. */
export interface SqlTarget {
  readonly dialect: SqlDialect;
  /** Databricks only. Default `entity_matching`. */
  readonly catalog?: string;
}

/** The type a column takes inside a batch bound as one JSON parameter. */
export type RowColumnType = 'STRING' | 'INT' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';
export type RowColumns = readonly (readonly [name: string, type: RowColumnType])[];

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Unity Catalog name part, backquoted unless plain. */
export const quoteIdentifier = (name: string): string =>
  PLAIN.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;

/** `schema.table` as the target names it: catalog-qualified on Databricks, as is on DuckDB. */
export function tableName(target: SqlTarget, schemaAndTable: string): string {
  if (target.dialect === 'duckdb') return schemaAndTable;
  return [target.catalog ?? 'entity_matching', ...schemaAndTable.split('.')].map(quoteIdentifier).join('.');
}

/** A named parameter: `:name` on Databricks, `$name` on DuckDB. */
export const param = (target: SqlTarget, name: string): string =>
  target.dialect === 'duckdb' ? `$${name}` : `:${name}`;

const DUCKDB_JSON_TYPES: Record<RowColumnType, string> = {
  STRING: 'VARCHAR',
  INT: 'INTEGER',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
};

/**
 * A whole batch bound as ONE string parameter holding a JSON array of objects, unpacked by the
 * database into rows with these columns. The SQL text is the same for every batch and never
 * contains a value. Fill the parameter with `rowsParam`.
 */
export function rowsSource(target: SqlTarget, name: string, columns: RowColumns): string {
  if (target.dialect === 'duckdb') {
    const shape = JSON.stringify([Object.fromEntries(columns.map(([c, t]) => [c, DUCKDB_JSON_TYPES[t]]))]);
    return `SELECT unnest(from_json(${param(target, name)}, '${shape}'), recursive := true)`;
  }
  const struct = columns.map(([c, t]) => `\`${c}\`: ${t}`).join(', ');
  return `SELECT inline(from_json(${param(target, name)}, 'ARRAY<STRUCT<${struct}>>'))`;
}

/** Rows as the JSON text for a `rowsSource` parameter, columns in order; integers are rounded so from_json accepts them. */
export function rowsParam(columns: RowColumns, rows: readonly Readonly<Record<string, unknown>>[]): string {
  return JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [name, type] of columns) {
        let value = row[name] ?? null;
        if (typeof value === 'bigint') value = Number(value);
        out[name] =
          (type === 'INT' || type === 'BIGINT') && typeof value === 'number' ? Math.round(value) : value;
      }
      return out;
    }),
  );
}

/** DDL column types → how the column travels in a batch (timestamps as ISO text, cast on the way in). */
export function rowColumnType(ddlType: string): RowColumnType {
  switch (ddlType) {
    case 'LONG':
    case 'BIGINT':
      return 'BIGINT';
    case 'INT':
    case 'INTEGER':
      return 'INT';
    case 'DOUBLE':
      return 'DOUBLE';
    case 'BOOLEAN':
      return 'BOOLEAN';
    default:
      return 'STRING';
  }
}

/** `CAST(expr AS TIMESTAMP)` in the target's spelling of an instant. */
export const asTimestamp = (target: SqlTarget, expr: string): string =>
  `CAST(${expr} AS ${target.dialect === 'duckdb' ? 'TIMESTAMPTZ' : 'TIMESTAMP'})`;
