import type { EvaluationReport } from '../../evaluate.js';
import { COLORS, emptyChart, esc, fmtInt, scale, svgOpen, text, WIDTH } from './svg.js';

const M = { left: 170, right: 16, top: 30, row: 46 };

/** Per stage in cascade order: rows arriving, and of those the ones it auto-matched and the ones it sent to review. */
export function stageFunnelChart(report: EvaluationReport): string {
  const title = 'Stage funnel: rows arriving at each stage and how it decided them';
  const steps = report.stage_funnel;
  if (steps.length === 0) return emptyChart('funnel', title, 'No rows.');
  const height = M.top + steps.length * M.row + 30;
  const total = Math.max(1, steps[0]!.entering);
  const x = scale([0, total], [M.left, WIDTH - M.right]);
  const parts = [svgOpen('funnel', title, WIDTH, height)];
  const legend = [
    ['auto-matched', COLORS.auto],
    ['to review', COLORS.review],
    ['passed on', COLORS.passed],
  ];
  legend.forEach(([label, color], i) => {
    parts.push(`<rect x="${M.left + i * 120}" y="6" width="12" height="12" fill="${color}"/>`);
    parts.push(text(M.left + i * 120 + 17, 16, label!, `class="tick"`));
  });
  steps.forEach((step, i) => {
    const top = M.top + i * M.row;
    const barY = top + 4;
    const barH = 20;
    parts.push(
      text(M.left - 8, barY + 14, step.stage.replace(/^Stage \d: /, ''), `text-anchor="end" class="label"`),
    );
    parts.push(
      `<rect x="${M.left}" y="${barY}" width="${(x(step.entering) - M.left).toFixed(1)}" height="${barH}" fill="${COLORS.passed}"><title>${esc(step.stage)}: ${fmtInt(step.entering)} arriving</title></rect>`,
    );
    parts.push(
      `<rect x="${M.left}" y="${barY}" width="${(x(step.auto) - M.left).toFixed(1)}" height="${barH}" fill="${COLORS.auto}"><title>${fmtInt(step.auto)} auto-matched</title></rect>`,
    );
    parts.push(
      `<rect x="${x(step.auto).toFixed(1)}" y="${barY}" width="${(x(step.review) - M.left).toFixed(1)}" height="${barH}" fill="${COLORS.review}"><title>${fmtInt(step.review)} to review</title></rect>`,
    );
    const correct =
      step.decided === 0 ? '' : ` · ${((step.correct / step.decided) * 100).toFixed(1)}% correct`;
    parts.push(
      text(
        M.left,
        barY + barH + 14,
        `${fmtInt(step.entering)} arrive · ${fmtInt(step.auto)} auto · ${fmtInt(step.review)} review${correct}`,
        `class="tick"`,
      ),
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
