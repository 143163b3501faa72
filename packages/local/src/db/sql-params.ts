import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  type DuckDBType,
  type DuckDBValue,
  LIST,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';

/** What a caller may bind: scalars, or lists of one scalar kind (bound as DuckDB LISTs). */
export type SqlParam =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | readonly (string | null)[]
  | readonly (number | null)[]
  | readonly (bigint | null)[]
  | readonly (boolean | null)[];

function scalarType(value: unknown): DuckDBType | undefined {
  switch (typeof value) {
    case 'string':
      return VARCHAR;
    case 'number':
      return DOUBLE;
    case 'bigint':
      return BIGINT;
    case 'boolean':
      return BOOLEAN;
    default:
      return undefined;
  }
}

function bindOne(param: unknown): { value: DuckDBValue; type: DuckDBType | undefined } {
  if (param instanceof Date) return { value: param.toISOString(), type: VARCHAR };
  if (Array.isArray(param)) {
    const first = param.find((v) => v !== null && v !== undefined);
    const inner = scalarType(first) ?? VARCHAR;
    return { value: listValue(param.map((v) => (v === undefined ? null : v))), type: LIST(inner) };
  }
  if (param === undefined) return { value: null, type: undefined };
  if (typeof param === 'object' && param !== null) {
    throw new TypeError(`Cannot bind a ${param.constructor?.name ?? 'object'} as a SQL parameter.`);
  }
  return { value: param as DuckDBValue, type: scalarType(param) };
}

/**
 * A column of values for SQL to unnest, passed as one JSON text parameter: DuckDB parses
 * JSON far faster than the client converts a bound LIST element by element. Read it with
 * `unnest(from_json($n, '["VARCHAR"]'))` (or DOUBLE, BIGINT, BOOLEAN).
 */
export const jsonColumn = (values: readonly unknown[]): string =>
  JSON.stringify(values.map((v) => (typeof v === 'bigint' ? Number(v) : v === undefined ? null : v)));

/** Positional ($1, $2, …) or named ($name, from an object) parameters with explicit DuckDB types where JS says enough. */
export function bindParams(params: SqlParams): {
  values: DuckDBValue[] | Record<string, DuckDBValue>;
  types: (DuckDBType | undefined)[] | Record<string, DuckDBType | undefined>;
} {
  if (Array.isArray(params)) {
    const bound = params.map(bindOne);
    return { values: bound.map((b) => b.value), types: bound.map((b) => b.type) };
  }
  const entries = Object.entries(params).map(([k, v]) => [k, bindOne(v)] as const);
  return {
    values: Object.fromEntries(entries.map(([k, b]) => [k, b.value])),
    types: Object.fromEntries(entries.flatMap(([k, b]) => (b.type ? [[k, b.type]] : []))),
  };
}

/** Parameters of one statement: positional (`$1`) as an array, or named (`$name`) as an object. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** DuckDB's JS values made plain: safe bigints → number, timestamps → ISO strings. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
  }
  return value;
}
