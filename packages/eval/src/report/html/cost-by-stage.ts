import type { EvaluationReport } from '../../evaluate.js';
import { COLORS, emptyChart, esc, fmtInt, scale, svgOpen, text, WIDTH } from './svg.js';

const M = { left: 170, right: 16, top: 16, row: 40 };

const money = (v: number): string => `$${v >= 0.01 || v === 0 ? v.toFixed(4) : v.toFixed(6)}`;

/** Recorded cost per deciding stage: a bar for the total, labelled with the cost per entity. */
export function costByStageChart(report: EvaluationReport): string {
  const title = 'Recorded cost per stage (cost_usd)';
  const stages = Object.entries(report.cost?.by_stage ?? {});
  if (stages.length === 0) return emptyChart('cost', title, 'No cost_usd recorded in the predictions.');
  const height = M.top + stages.length * M.row + 16;
  const max = Math.max(...stages.map(([, c]) => c.total_usd)) || 1;
  const x = scale([0, max], [M.left, WIDTH - M.right - 150]);
  const parts = [svgOpen('cost', title, WIDTH, height)];
  stages.forEach(([stage, cost], i) => {
    const y = M.top + i * M.row;
    parts.push(text(M.left - 8, y + 15, stage.replace(/^Stage \d: /, ''), `text-anchor="end" class="label"`));
    const w = Math.max(1, x(cost.total_usd) - M.left);
    parts.push(
      `<rect x="${M.left}" y="${y + 2}" width="${w.toFixed(1)}" height="20" fill="${COLORS.auto}"><title>${esc(stage)}: ${money(cost.total_usd)} over ${fmtInt(cost.n)} rows</title></rect>`,
    );
    parts.push(
      text(
        M.left + w + 6,
        y + 16,
        `${money(cost.total_usd)} · ${money(cost.per_entity_usd)}/entity`,
        `class="tick"`,
      ),
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
