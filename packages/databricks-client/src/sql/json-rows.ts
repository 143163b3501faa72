export type JsonColumnType = 'STRING' | 'INT' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';
export type JsonColumns = readonly (readonly [name: string, type: JsonColumnType])[];

/**
 * A whole batch bound as ONE string parameter holding a JSON array, unpacked server-side:
 * `SELECT inline(from_json(:rows, 'ARRAY<STRUCT<…>>'))`. The SQL text is the same for every
 * batch and never contains a value; Statement Execution and the Thrift driver bind it alike.
 */
export function jsonRowsSource(param: string, columns: JsonColumns): string {
  const struct = columns.map(([name, type]) => `\`${name}\`: ${type}`).join(', ');
  return `SELECT inline(from_json(:${param}, 'ARRAY<STRUCT<${struct}>>'))`;
}

/** Rows as the JSON text for a `jsonRowsSource` parameter, columns in order; integers are rounded so from_json accepts them. */
export function jsonRowsParam(
  columns: JsonColumns,
  rows: readonly Readonly<Record<string, unknown>>[],
): string {
  return JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [name, type] of columns) {
        const value = row[name] ?? null;
        out[name] =
          (type === 'INT' || type === 'BIGINT') && typeof value === 'number' ? Math.round(value) : value;
      }
      return out;
    }),
  );
}
