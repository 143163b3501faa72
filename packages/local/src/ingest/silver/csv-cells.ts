/**
 * One CSV cell as DuckDB reads it back with `quote = '"', escape = '"', allow_quoted_nulls =
 * false`: NULL is an empty unquoted cell, every string is quoted (so '' stays '' and commas,
 * quotes and line breaks inside a value survive).
 */
export const csvCell = (value: string | null): string =>
  value === null ? '' : value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;

/** The read_csv options that read `csvCell` output back exactly, for the given column types. */
export const csvCellsReadOptions = (columns: Readonly<Record<string, string>>): string =>
  `header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
   allow_quoted_nulls = false, columns = {${Object.entries(columns)
     .map(([name, type]) => `'${name}': '${type}'`)
     .join(', ')}}`;
