/** One column of a Statement Execution manifest (`manifest.schema.columns[i]`). */
export interface StatementColumn {
  readonly name: string;
  readonly type_name?: string;
  readonly position?: number;
}

const NUMERIC = new Set(['BYTE', 'SHORT', 'INT', 'LONG', 'FLOAT', 'DOUBLE', 'DECIMAL']);

/** JSON_ARRAY cells are strings (or null); give numbers and booleans their JS types, as the Thrift driver does. */
function cell(value: string | null | undefined, typeName: string | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeName && NUMERIC.has(typeName)) {
    const n = Number(value);
    return Number.isNaN(n) ? value : n;
  }
  if (typeName === 'BOOLEAN') return value === 'true';
  return value;
}

/** `data_array` rows → objects keyed by the manifest's column names. */
export function rowsFromJsonArray(
  columns: readonly StatementColumn[],
  data: readonly (readonly (string | null)[])[],
): Record<string, unknown>[] {
  return data.map((row) => {
    const out: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      out[column.name] = cell(row[column.position ?? i], column.type_name);
    });
    return out;
  });
}
