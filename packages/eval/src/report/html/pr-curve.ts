import type { EvaluationReport } from '../../evaluate.js';
import {
  COLORS,
  emptyChart,
  esc,
  fmtPct,
  fmtThreshold,
  HEIGHT,
  scale,
  svgOpen,
  text,
  ticks,
  WIDTH,
} from './svg.js';

const M = { left: 56, right: 20, top: 20, bottom: 44 };

/** Precision against recall of the auto-matched set as the threshold moves, the chosen threshold marked. */
export function prCurveChart(report: EvaluationReport): string {
  const title = 'Precision-recall curve of the auto-matched set over confidence thresholds';
  const points = report.sweep
    .filter((p) => p.recall > 0)
    .sort((a, b) => a.recall - b.recall || b.precision - a.precision);
  if (points.length === 0) return emptyChart('pr-curve', title, 'No threshold auto-matches a true company.');
  const chosen = {
    threshold: report.threshold,
    precision: report.auto.precision,
    recall: report.auto.recall,
  };
  const marks = [
    { ...chosen, label: `threshold ${fmtThreshold(report.threshold)}`, color: COLORS.incorrect },
  ];
  const target = report.target_precision;
  if (target?.reached)
    marks.push({
      ...target,
      label: `target P ≥ ${target.target}: threshold ${fmtThreshold(target.threshold)}`,
      color: COLORS.accent,
    });
  const all = [...points, ...marks];
  // Zoom each axis to the data with a little room below, on a 0.01 grid, never narrower than 0.05.
  const lower = (values: number[]) => {
    const min = Math.min(...values);
    return Math.max(0, Math.min(0.95, Math.floor((min - 0.1 * (1 - min) - 0.005) * 100) / 100));
  };
  const xd: [number, number] = [lower(all.map((p) => p.recall)), 1];
  const yd: [number, number] = [lower(all.map((p) => p.precision)), 1];
  const x = scale(xd, [M.left, WIDTH - M.right]);
  const y = scale(yd, [HEIGHT - M.bottom, M.top]);
  const parts = [svgOpen('pr-curve', title)];
  for (const t of ticks(...xd)) {
    parts.push(
      `<line x1="${x(t)}" x2="${x(t)}" y1="${M.top}" y2="${HEIGHT - M.bottom}" stroke="${COLORS.grid}"/>`,
    );
    parts.push(text(x(t), HEIGHT - M.bottom + 16, t.toFixed(2), `text-anchor="middle" class="tick"`));
  }
  for (const t of ticks(...yd)) {
    parts.push(
      `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${y(t)}" y2="${y(t)}" stroke="${COLORS.grid}"/>`,
    );
    parts.push(text(M.left - 6, y(t) + 4, t.toFixed(2), `text-anchor="end" class="tick"`));
  }
  parts.push(text((M.left + WIDTH - M.right) / 2, HEIGHT - 8, 'recall', `text-anchor="middle" class="axis"`));
  parts.push(
    text(
      14,
      (M.top + HEIGHT - M.bottom) / 2,
      'precision',
      `text-anchor="middle" class="axis" transform="rotate(-90 14 ${(M.top + HEIGHT - M.bottom) / 2})"`,
    ),
  );
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.recall).toFixed(1)},${y(p.precision).toFixed(1)}`)
    .join(' ');
  parts.push(`<path d="${path}" fill="none" stroke="${COLORS.auto}" stroke-width="2"/>`);
  for (const p of points) {
    parts.push(
      `<circle cx="${x(p.recall).toFixed(1)}" cy="${y(p.precision).toFixed(1)}" r="2.2" fill="${COLORS.auto}"><title>threshold ${p.threshold.toFixed(2)}: precision ${fmtPct(p.precision, 2)}, recall ${fmtPct(p.recall, 2)}</title></circle>`,
    );
  }
  marks.forEach((m, i) => {
    const cx = x(m.recall);
    const cy = y(m.precision);
    parts.push(
      `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="6" fill="none" stroke="${m.color}" stroke-width="2.5" data-mark="${i === 0 ? 'threshold' : 'target'}"/>`,
    );
    const label = `${m.label}: P ${fmtPct(m.precision)} · R ${fmtPct(m.recall)}`;
    parts.push(
      `<text x="${(M.left + 10).toFixed(1)}" y="${(HEIGHT - M.bottom - 12 - i * 16).toFixed(1)}" fill="${m.color}" class="mark-label">● ${esc(label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
