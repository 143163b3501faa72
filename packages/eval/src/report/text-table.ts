/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

export const pct = (ratio: number): string => (Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)}%` : '–');
export const dec = (value: number, digits = 4): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';
export const int = (value: number): string => value.toLocaleString('en-US');
export const usd = (value: number): string =>
  `$${value >= 0.01 || value === 0 ? value.toFixed(4) : value.toFixed(6)}`;
export const ms = (value: number): string =>
  value < 1000 ? `${value.toFixed(1)} ms` : `${(value / 1000).toFixed(2)} s`;
