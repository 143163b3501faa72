import type { EvaluationReport } from '../../evaluate.js';
import { COLORS, emptyChart, fmtInt, HEIGHT, scale, svgOpen, text, WIDTH } from './svg.js';

const M = { left: 56, right: 16, top: 16, bottom: 40, gap: 26 };

/** Two histograms of confidence over the same bins: correct predictions above, incorrect below, each on its own scale. */
export function confidenceHistogramChart(report: EvaluationReport): string {
  const title = 'Confidence of correct and incorrect predictions';
  const bins = report.confidence_histogram;
  if (bins.every((b) => b.correct + b.incorrect === 0))
    return emptyChart('confidence', title, 'No predictions.');
  const x = scale([0, 1], [M.left, WIDTH - M.right]);
  const panelHeight = (HEIGHT - M.top - M.bottom - M.gap) / 2;
  const parts = [svgOpen('confidence', title)];
  const panels = [
    { key: 'correct' as const, label: 'correct', color: COLORS.correct, top: M.top },
    {
      key: 'incorrect' as const,
      label: 'incorrect',
      color: COLORS.incorrect,
      top: M.top + panelHeight + M.gap,
    },
  ];
  for (const panel of panels) {
    const max = Math.max(1, ...bins.map((b) => b[panel.key]));
    const total = bins.reduce((s, b) => s + b[panel.key], 0);
    const y = scale([0, max], [panel.top + panelHeight, panel.top]);
    parts.push(
      `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${panel.top + panelHeight}" y2="${panel.top + panelHeight}" stroke="${COLORS.muted}"/>`,
    );
    parts.push(text(M.left - 6, panel.top + 10, fmtInt(max), `text-anchor="end" class="tick"`));
    parts.push(text(M.left - 6, panel.top + panelHeight, '0', `text-anchor="end" class="tick"`));
    for (const bin of bins) {
      const count = bin[panel.key];
      if (count === 0) continue;
      const x0 = x(bin.from) + 1;
      const w = Math.max(1, x(bin.to) - x(bin.from) - 2);
      const top = Math.min(y(count), panel.top + panelHeight - 1.5);
      parts.push(
        `<rect x="${x0.toFixed(1)}" y="${top.toFixed(1)}" width="${w.toFixed(1)}" height="${(panel.top + panelHeight - top).toFixed(1)}" fill="${panel.color}"><title>${panel.label}, confidence ${bin.from.toFixed(2)}–${bin.to.toFixed(2)}: ${fmtInt(count)}</title></rect>`,
      );
    }
    parts.push(
      text(
        M.left + 6,
        panel.top + 12,
        `${panel.label} (${fmtInt(total)})`,
        `fill="${panel.color}" class="panel-label"`,
      ),
    );
  }
  const tx = x(report.threshold);
  parts.push(
    `<line x1="${tx}" x2="${tx}" y1="${M.top}" y2="${HEIGHT - M.bottom}" stroke="${COLORS.ink}" stroke-dasharray="4 3" data-mark="threshold"/>`,
  );
  parts.push(text(tx - 4, M.top + 10, `threshold ${report.threshold}`, `text-anchor="end" class="tick"`));
  for (const t of [0, 0.2, 0.4, 0.6, 0.8, 1])
    parts.push(text(x(t), HEIGHT - M.bottom + 16, t.toFixed(1), `text-anchor="middle" class="tick"`));
  parts.push(
    text((M.left + WIDTH - M.right) / 2, HEIGHT - 6, 'match_confidence', `text-anchor="middle" class="axis"`),
  );
  parts.push('</svg>');
  return parts.join('');
}
