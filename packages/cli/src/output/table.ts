import { formatCell, isNumeric } from './format.js';

export interface Column<Row> {
  /** Header text. */
  label: string;
  /** Cell value for a row; numbers (and bigints) are right-aligned unless `align` says otherwise. */
  value: (row: Row) => unknown;
  /** How to turn the value into text; defaults to formatCell. */
  format?: (value: unknown) => string;
  align?: 'left' | 'right';
}

/**
 * Render rows as an aligned plain-text table: header, a rule, one line per row.
 * Numeric columns are right-aligned; text is left-aligned. No trailing spaces.
 */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) =>
    columns.map((col) => {
      const value = col.value(row);
      return { text: oneLine((col.format ?? formatCell)(value)), numeric: isNumeric(value) };
    }),
  );
  const widths = columns.map((col, i) => Math.max(width(col.label), ...cells.map((r) => width(r[i]!.text))));
  const alignOf = (i: number, numeric: boolean) => columns[i]!.align ?? (numeric ? 'right' : 'left');
  const numericColumn = columns.map(
    (_, i) => cells.length > 0 && cells.every((r) => r[i]!.numeric || r[i]!.text === ''),
  );
  const line = (texts: { text: string; align: 'left' | 'right' }[]) =>
    texts
      .map(({ text, align }, i) =>
        align === 'right' ? pad(text, widths[i]!, 'left') : pad(text, widths[i]!, 'right'),
      )
      .join('  ')
      .trimEnd();
  const header = line(columns.map((col, i) => ({ text: col.label, align: alignOf(i, numericColumn[i]!) })));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const body = cells.map((r) =>
    line(r.map((c, i) => ({ text: c.text, align: alignOf(i, numericColumn[i]!) }))),
  );
  return [header, rule, ...body].join('\n');
}

/** Columns for every key of the first row, in order: for views whose columns we display as they come. */
export function columnsFromRows(rows: readonly Record<string, unknown>[]): Column<Record<string, unknown>>[] {
  const keys = rows.length > 0 ? Object.keys(rows[0]!) : [];
  return keys.map((key) => ({ label: key, value: (row) => row[key] }));
}

/** Two-column "label  value" list; values right-aligned (for numbers) unless `align: 'left'`. */
export function renderKeyValues(
  pairs: readonly (readonly [string, string])[],
  options: { align?: 'left' | 'right' } = {},
): string {
  const labelWidth = Math.max(0, ...pairs.map(([k]) => width(k)));
  const valueWidth = Math.max(0, ...pairs.map(([, v]) => width(v)));
  const side = options.align === 'left' ? 'right' : 'left';
  return pairs
    .map(([k, v]) => `${pad(k, labelWidth, 'right')}  ${pad(v, valueWidth, side)}`.trimEnd())
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/** Display width: code points (good enough for the names we show; no East Asian width tables). */
export function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'left' ? fill + text : text + fill;
}
