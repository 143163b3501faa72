import { html, type SafeHtml } from '../html/html.js';
import { emptyChart, PALETTE, ticks } from './svg.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Overrides the palette (e.g. red for a failed run). */
  readonly color?: string;
  readonly title?: string;
}

const W = 560;

/** Horizontal bars, one per row, value printed at the end (the stage funnel, cost by stage). */
export function horizontalBars(id: string, bars: readonly Bar[], format: (v: number) => string): SafeHtml {
  if (bars.length === 0) return emptyChart(id, 'no data yet');
  const row = 26;
  const labelW = 190;
  const height = bars.length * row + 16;
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const span = W - labelW - 90;
  return html`<svg id="chart-${id}" data-chart="${id}" width="100%" viewBox="0 0 ${W} ${height}" role="img">
${bars.map((b, i) => {
  const w = Math.max(1, (b.value / max) * span);
  const yy = 8 + i * row;
  return html`<text x="${labelW - 8}" y="${yy + 14}" text-anchor="end">${b.label}</text>
<rect data-bar="${b.label}" x="${labelW}" y="${yy + 2}" width="${w.toFixed(1)}" height="${row - 8}" fill="${b.color ?? PALETTE[0]}"><title>${b.title ?? `${b.label}: ${format(b.value)}`}</title></rect>
<text x="${labelW + w + 6}" y="${yy + 14}">${format(b.value)}</text>`;
})}
</svg>`;
}

/** Vertical bars over time (runs: rows processed, coloured by status). */
export function columnChart(id: string, bars: readonly Bar[], format: (v: number) => string): SafeHtml {
  if (bars.length === 0) return emptyChart(id, 'no runs yet');
  const H = 220;
  const pad = { left: 52, right: 12, top: 14, bottom: 34 };
  const axis = ticks(Math.max(...bars.map((b) => b.value), 1));
  const top = axis.at(-1)!;
  const slot = (W - pad.left - pad.right) / bars.length;
  const y = (v: number) => H - pad.bottom - (v / top) * (H - pad.top - pad.bottom);
  const every = Math.max(1, Math.ceil(bars.length / 8));
  return html`<svg id="chart-${id}" data-chart="${id}" width="100%" viewBox="0 0 ${W} ${H}" role="img">
${axis.map((t) => html`<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eceff4"/><text x="${pad.left - 6}" y="${y(t) + 4}" text-anchor="end">${format(t)}</text>`)}
${bars.map((b, i) => {
  const x = pad.left + i * slot + slot * 0.15;
  return html`<rect data-bar="${b.label}" x="${x.toFixed(1)}" y="${y(b.value).toFixed(1)}" width="${Math.max(1, slot * 0.7).toFixed(1)}" height="${Math.max(1, H - pad.bottom - y(b.value)).toFixed(1)}" fill="${b.color ?? PALETTE[0]}"><title>${b.title ?? `${b.label}: ${format(b.value)}`}</title></rect>
${i % every === 0 ? html`<text x="${(x + slot * 0.35).toFixed(1)}" y="${H - pad.bottom + 16}" text-anchor="middle">${b.label}</text>` : ''}`;
})}
</svg>`;
}
