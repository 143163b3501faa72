/**
 * The few places where Databricks SQL and DuckDB spell the same thing differently. Everything
 * else the cascade SQL uses (CASE, window functions, LEAST/GREATEST, isnan, printf, translate,
 * chr, instr, reverse, substr, lower, concat) exists in both with the same meaning, so the same
 * text runs on the warehouse and, for the parity test, on DuckDB.
 */
export interface CascadeSqlDialect {
  readonly name: 'databricks' | 'duckdb';
  /** A struct literal: `named_struct('a', x)` / `struct_pack(a := x)`. */
  struct(fields: readonly (readonly [string, string])[]): string;
  /** Is `json` (a STRING) a JSON object? Must be safe on any text. */
  isJsonObject(json: string): string;
  /** The JSON type of a top-level field: 'missing' | 'null' | 'string' | 'number' | 'other'. Only on objects. */
  jsonFieldType(json: string, field: string): string;
  /** The field as text (strings unquoted, numbers as written). Only on objects. */
  jsonFieldText(json: string, field: string): string;
  /** regexp_replace with the first group as `group` in the replacement. */
  replaceKeepingGroup(text: string, pattern: string, before: string, after: string): string;
  /** Aggregate: the texts joined by `separator` in ascending `order`. */
  orderedText(text: string, order: string, separator: string): string;
  /** Aggregate: a JSON array of the structs in ascending `order`. */
  orderedJsonArray(struct: string, order: string): string;
  /** An array of the non-NULL strings among `items`. */
  stringArray(items: readonly string[]): string;
  /** Milliseconds since the epoch of a TIMESTAMP. */
  epochMs(timestamp: string): string;
}

/**
 * A string literal both engines read the same way. Databricks processes backslash escapes in
 * literals and reads `'a''b'` as two adjacent literals ('ab'); DuckDB does neither. So a literal
 * never holds a quote or a backslash: those become `chr(39)` / `chr(92)` pieces of a concat.
 */
const quote = (text: string): string => {
  const parts = text.split(/(['\\])/).filter((p) => p !== '');
  const rendered = parts.map((p) => (p === "'" ? 'chr(39)' : p === '\\' ? 'chr(92)' : `'${p}'`));
  if (rendered.length === 0) return "''";
  return rendered.length === 1 ? rendered[0]! : `concat(${rendered.join(', ')})`;
};

/**
 * Databricks SQL (serverless warehouse, DBR 15.3+): VARIANT functions for JSON, so a missing field
 * (SQL NULL) and a JSON null (VOID) are told apart as core's parser does.
 */
export const databricksDialect: CascadeSqlDialect = {
  name: 'databricks',
  struct: (fields) => `named_struct(${fields.map(([k, v]) => `${quote(k)}, ${v}`).join(', ')})`,
  isJsonObject: (json) => `coalesce(schema_of_variant(try_parse_json(${json})) LIKE 'OBJECT%', false)`,
  jsonFieldType: (json, field) => {
    const t = `schema_of_variant(try_parse_json(${json}):${field})`;
    return `CASE WHEN ${t} IS NULL THEN 'missing' WHEN ${t} = 'VOID' THEN 'null' WHEN ${t} = 'STRING' THEN 'string' WHEN ${t} IN ('BIGINT', 'DOUBLE', 'FLOAT') OR ${t} LIKE 'DECIMAL%' THEN 'number' ELSE 'other' END`;
  },
  jsonFieldText: (json, field) => `CAST(try_parse_json(${json}):${field} AS STRING)`,
  replaceKeepingGroup: (text, pattern, before, after) =>
    `regexp_replace(${text}, ${quote(pattern)}, ${quote(`${before}$1${after}`)})`,
  orderedText: (text, order, separator) =>
    `array_join(transform(array_sort(collect_list(named_struct('o', ${order}, 'v', ${text}))), x -> x.v), ${separator})`,
  orderedJsonArray: (struct, order) =>
    `to_json(transform(array_sort(collect_list(named_struct('o', ${order}, 'v', ${struct}))), x -> x.v))`,
  stringArray: (items) => `filter(array(${items.join(', ')}), x -> x IS NOT NULL)`,
  epochMs: (timestamp) => `unix_millis(${timestamp})`,
};

/** DuckDB 1.x with its json extension: what the parity test runs the same statements on. */
export const duckdbDialect: CascadeSqlDialect = {
  name: 'duckdb',
  struct: (fields) => `struct_pack(${fields.map(([k, v]) => `${k} := ${v}`).join(', ')})`,
  isJsonObject: (json) =>
    `(CASE WHEN json_valid(${json}) THEN json_type(CAST(${json} AS JSON)) = 'OBJECT' ELSE false END)`,
  jsonFieldType: (json, field) => {
    const t = `json_type(CAST(${json} AS JSON), ${quote(`$.${field}`)})`;
    return `CASE WHEN ${t} IS NULL THEN 'missing' WHEN ${t} = 'NULL' THEN 'null' WHEN ${t} = 'VARCHAR' THEN 'string' WHEN ${t} IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN 'number' ELSE 'other' END`;
  },
  jsonFieldText: (json, field) => `json_extract_string(CAST(${json} AS JSON), ${quote(`$.${field}`)})`,
  replaceKeepingGroup: (text, pattern, before, after) =>
    `regexp_replace(${text}, ${quote(pattern)}, ${quote(`${before}\\1${after}`)}, 'g')`,
  orderedText: (text, order, separator) => `string_agg(${text}, ${separator} ORDER BY ${order})`,
  orderedJsonArray: (struct, order) => `CAST(to_json(list(${struct} ORDER BY ${order})) AS VARCHAR)`,
  stringArray: (items) => `list_filter(list_value(${items.join(', ')}), x -> x IS NOT NULL)`,
  epochMs: (timestamp) => `epoch_ms(${timestamp})`,
};

export const sqlString = quote;

/**
 * A JS number as a SQL DOUBLE with exactly the same value (String() round-trips), so thresholds
 * compare in SQL as they do in core.
 */
export const sqlDouble = (x: number): string => {
  if (!Number.isFinite(x)) throw new Error(`sqlDouble: ${x} is not finite`);
  return `CAST('${String(x)}' AS DOUBLE)`;
};
