import type { PairsReport } from './pairs-report.js';

const f1 = (v: number | undefined): string => (v === undefined ? '' : (v * 100).toFixed(2));
const delta = (ours: number, theirs: number | undefined): string => {
  if (theirs === undefined) return '';
  const d = (ours - theirs) * 100;
  return `${d >= 0 ? '+' : ''}${d.toFixed(2)}`;
};

/** Header and rows of the comparison: our precision/recall/F1 on the test split next to each published F1 (F1 in percent). */
export function comparisonRows(report: PairsReport): { header: string[]; rows: string[][] } {
  const header = ['dataset', 'test pairs', 'threshold', 'tuned on', 'tune F1', 'precision', 'recall', 'F1'];
  for (const system of report.systems) header.push(`${system} F1`, `Δ vs ${system}`);
  const rows = report.datasets.map((d) => {
    const m = d.test.metrics;
    const row = [
      d.dataset,
      String(m.n),
      d.threshold.toFixed(4),
      d.tune?.split ?? 'given',
      d.tune ? f1(d.tune.f1) : '',
      f1(m.precision),
      f1(m.recall),
      f1(m.f1),
    ];
    for (const system of report.systems) row.push(f1(d.published[system]), delta(m.f1, d.published[system]));
    return row;
  });
  return { header, rows };
}

export function comparisonMarkdown(report: PairsReport): string {
  const { header, rows } = comparisonRows(report);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (i === 0 || i === 3 ? '---' : '---:'));
  return `${[line(header), line(rule), ...rows.map(line)].join('\n')}\n`;
}

export function comparisonCsv(report: PairsReport): string {
  const { header, rows } = comparisonRows(report);
  const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
