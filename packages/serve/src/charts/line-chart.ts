import { html, type SafeHtml } from '../html/html.js';
import { emptyChart, PALETTE, ticks } from './svg.js';

export interface LineSeries {
  readonly name: string;
  /** One value per x label; null leaves a gap. */
  readonly values: readonly (number | null)[];
}

export interface LineChartOptions {
  readonly id: string;
  readonly labels: readonly string[];
  readonly series: readonly LineSeries[];
  readonly format: (v: number) => string;
  /** Horizontal lines, e.g. alert thresholds. */
  readonly guides?: readonly { readonly value: number; readonly label: string }[];
  readonly maxY?: number;
}

const W = 560;
const H = 220;
const PAD = { left: 66, right: 36, top: 26, bottom: 34 };

/** A line chart (points on one day show as dots) with a legend and dashed guide lines. */
export function lineChart(o: LineChartOptions): SafeHtml {
  if (o.labels.length === 0) return emptyChart(o.id, 'no data yet');
  const all = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const maxY = o.maxY ?? Math.max(...all, ...(o.guides ?? []).map((g) => g.value), 0);
  const axis = ticks(maxY || 1);
  const top = axis.at(-1)!;
  const x = (i: number) =>
    o.labels.length === 1
      ? (PAD.left + W - PAD.right) / 2
      : PAD.left + (i * (W - PAD.left - PAD.right)) / (o.labels.length - 1);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const every = Math.max(1, Math.ceil(o.labels.length / 8));
  return html`<svg id="chart-${o.id}" data-chart="${o.id}" width="100%" viewBox="0 0 ${W} ${H}" role="img">
${axis.map((t) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eceff4"/><text x="${PAD.left - 6}" y="${y(t) + 4}" text-anchor="end">${o.format(t)}</text>`)}
${o.labels.map((l, i) => (i % every === 0 ? html`<text x="${x(i)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${l}</text>` : ''))}
${(o.guides ?? []).map((g) => html`<line data-mark="guide" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(g.value)}" y2="${y(g.value)}" stroke="#c4302b" stroke-dasharray="5 4"/><text x="${W - PAD.right}" y="${y(g.value) - 4}" text-anchor="end" style="fill:#c4302b">${g.label}</text>`)}
${o.series.map((s, k) => {
  const color = PALETTE[k % PALETTE.length]!;
  const points = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`));
  const path = points.filter((p) => p !== null).join(' ');
  return html`<polyline fill="none" stroke="${color}" stroke-width="2" points="${path}"/>
${s.values.map((v, i) => (v === null ? '' : html`<circle data-series="${s.name}" cx="${x(i)}" cy="${y(v)}" r="3.5" fill="${color}"><title>${s.name} ${o.labels[i]}: ${o.format(v)}</title></circle>`))}
<rect x="${PAD.left + k * 150}" y="6" width="10" height="10" fill="${color}"/><text x="${PAD.left + k * 150 + 14}" y="15">${s.name}</text>`;
})}
</svg>`;
}
