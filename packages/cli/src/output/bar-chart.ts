import { formatCount, formatPercent } from './format.js';
import { width } from './table.js';

export interface Bar {
  label: string;
  value: number;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value / max * cells` character cells, in eighths of a cell. */
export function barOf(value: number, max: number, cells: number): string {
  if (!(max > 0) || !(value > 0)) return '';
  const eighths = Math.round((Math.min(value, max) / max) * cells * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * Horizontal bar chart: label, bar scaled to the largest value, count and share of the total.
 *   exact_identifier ████████████▍        2,340  46.8%
 */
export function renderBarChart(bars: readonly Bar[], options: { cells?: number } = {}): string {
  const cells = options.cells ?? 30;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const labelWidth = Math.max(0, ...bars.map((b) => width(b.label)));
  const countWidth = Math.max(0, ...bars.map((b) => formatCount(b.value).length));
  return bars
    .map((b) => {
      const bar = barOf(b.value, max, cells);
      const share = total > 0 ? formatPercent(b.value / total) : '–';
      return `${b.label.padEnd(labelWidth)}  ${bar.padEnd(cells)}  ${formatCount(b.value).padStart(countWidth)}  ${share.padStart(6)}`;
    })
    .join('\n');
}
