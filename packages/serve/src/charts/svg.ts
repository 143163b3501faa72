import { html, type SafeHtml } from '../html/html.js';

export const PALETTE = ['#2458d6', '#d9822b', '#17813d', '#8e44ad', '#c4302b', '#5b6475'];

/** An empty chart's placeholder, same size as the chart would be. */
export function emptyChart(id: string, message: string, width = 560, height = 220): SafeHtml {
  return html`<svg id="chart-${id}" data-chart="${id}" width="100%" viewBox="0 0 ${width} ${height}" role="img">
<text x="${width / 2}" y="${height / 2}" text-anchor="middle">${message}</text></svg>`;
}

/** Round numbers for an axis: about `n` ticks covering [0, max]. */
export function ticks(max: number, n = 4): number[] {
  if (!(max > 0)) return [0];
  const step0 = max / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out.at(-1)! < max) out.push(Number((out.at(-1)! + step).toPrecision(12)));
  return out;
}
