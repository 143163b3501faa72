import type { PairExplanation } from '@em/local';
import { html, type SafeHtml } from '../html/html.js';

const W = 620;
const MAX_STEPS = 12;

/**
 * Splink-style waterfall of a pair score in log-odds: the prior every pair starts from, one
 * bar per feature (green raises, red lowers; the smallest grouped as "other features"), and the
 * final score with its calibrated probability.
 */
export function waterfall(id: string, e: PairExplanation): SafeHtml {
  const shown = e.contributions.slice(0, MAX_STEPS);
  const rest = e.contributions.slice(MAX_STEPS).reduce((a, c) => a + c.contribution, 0);
  const steps = [
    ...shown.map((c) => ({ label: `${c.feature} = ${formatValue(c.value)}`, delta: c.contribution })),
    ...(e.contributions.length > MAX_STEPS
      ? [{ label: `${e.contributions.length - MAX_STEPS} other features`, delta: rest }]
      : []),
  ];
  const rows = steps.length + 2;
  const row = 22;
  const labelW = 250;
  const height = rows * row + 30;
  let level = e.bias;
  const levels = [e.bias, ...steps.map((s) => (level += s.delta)), e.margin];
  const lo = Math.min(0, ...levels);
  const hi = Math.max(0, ...levels);
  const span = hi - lo || 1;
  const x = (v: number) => labelW + ((v - lo) / span) * (W - labelW - 130);
  const bar = (i: number, from: number, to: number, color: string, label: string, text: string) => {
    const y = 20 + i * row;
    const a = Math.min(x(from), x(to));
    const w = Math.max(1.5, Math.abs(x(to) - x(from)));
    return html`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${label}</text>
<rect data-step="${label}" x="${a.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 7}" fill="${color}"/>
<text x="${(a + w + 5).toFixed(1)}" y="${y + 14}">${text}</text>`;
  };
  let at = e.bias;
  return html`<svg id="chart-${id}" data-chart="${id}" width="100%" style="max-width:820px" viewBox="0 0 ${W} ${height}" role="img">
<line x1="${x(0)}" x2="${x(0)}" y1="14" y2="${height - 6}" stroke="#bbb" stroke-dasharray="3 3"/>
<text x="${x(0)}" y="11" text-anchor="middle">0 (even odds)</text>
${bar(0, 0, e.bias, '#8a94a6', 'prior (every pair)', signed(e.bias))}
${steps.map((s, i) => {
  const from = at;
  at += s.delta;
  return bar(i + 1, from, at, s.delta >= 0 ? '#17813d' : '#c4302b', s.label, signed(s.delta));
})}
${bar(rows - 1, 0, e.margin, '#2458d6', 'score (log-odds)', `${signed(e.margin)} → p = ${e.probability.toFixed(3)}`)}
</svg>`;
}

const signed = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
const formatValue = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));
