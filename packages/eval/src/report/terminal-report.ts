import type { EvaluationReport } from '../evaluate.js';
import type { GateResult } from '../gates.js';
import type { Views } from '../metrics/breakdown.js';
import type { Metrics } from '../metrics/metrics.js';
import { dec, int, ms, pct, textTable, usd } from './text-table.js';

const METRIC_HEADER = [
  'n',
  'TP',
  'FP',
  'FN',
  'TN',
  'precision',
  'recall',
  'F1',
  'accuracy',
  'auto-match',
  'review',
];
const metricCells = (m: Metrics): string[] => [
  int(m.n),
  int(m.tp),
  int(m.fp),
  int(m.fn),
  int(m.tn),
  dec(m.precision),
  dec(m.recall),
  dec(m.f1),
  dec(m.accuracy),
  pct(m.auto_match_rate),
  pct(m.review_rate),
];

function viewsTable(title: string, groups: Record<string, Views>): string {
  const rows = Object.entries(groups).flatMap(([name, v]) => [
    [`${name} · all`, ...metricCells(v.all)],
    [`${name} · auto`, ...metricCells(v.auto)],
  ]);
  return textTable([title, ...METRIC_HEADER], rows);
}

const plural = (n: number, one: string, many: string): string => `${int(n)} ${n === 1 ? one : many}`;

function listKeys(keys: readonly { source_system: string; source_id: string }[], limit = 10): string {
  const shown = keys.slice(0, limit).map((k) => `${k.source_system}/${k.source_id}`);
  return `${shown.join(', ')}${keys.length > limit ? `, … (${keys.length - limit} more in --json)` : ''}`;
}

/** The report for people: views, subsets, stages, methods, latency, cost, sweep target, keys, gates. */
export function renderTerminalReport(report: EvaluationReport, gates: readonly GateResult[] = []): string {
  const { all, auto, counts } = report;
  const out: string[] = [];
  out.push(
    `em-eval · ${int(counts.evaluated)} sources in the gold standard (${int(counts.true_match)} with a true match) · auto-match threshold ${report.threshold}`,
    '',
    viewsTable('view', { rows: { all, auto }, ...Object.fromEntries(Object.entries(report.subsets)) }),
    '',
    `auto-match rate ${pct(auto.auto_match_rate)} of rows, ${pct(auto.auto_match_rate_true_match)} of rows with a true match; ` +
      `precision of the auto-matched set ${dec(auto.precision)}; review rate ${pct(auto.review_rate)}`,
    '',
    viewsTable('by stage', report.by_stage),
    '',
    viewsTable('by method', report.by_method),
    '',
  );
  const lat = report.latency_ms;
  out.push(
    lat
      ? `latency p50 ${ms(lat.p50)} · p95 ${ms(lat.p95)} · p99 ${ms(lat.p99)} · max ${ms(lat.max)} (${int(lat.n)} rows)`
      : 'latency: no processing_time_ms recorded',
  );
  const cost = report.cost;
  out.push(
    cost
      ? `cost spent ${usd(cost.per_entity_usd)} per entity · ${usd(cost.total_usd)} in all (${int(cost.n)} rows with cost_usd)`
      : 'cost: no cost_usd recorded',
  );
  if (cost?.databricks_projection)
    out.push(
      `on Databricks (projection from recorded usage at default prices, not spent): ${usd(cost.databricks_projection.per_entity_usd)} per entity`,
    );
  const recall = report.candidate_recall;
  if (recall) {
    const share = (n: number) => pct(n / Math.max(1, recall.matches));
    const channels = Object.entries(recall.byChannel)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([channel, n]) => `${channel} ${share(n)}`)
      .join(' · ');
    out.push(
      `candidate recall@k ${share(recall.found)} of ${int(recall.matches)} true matches that went through retrieval; by channel: ${channels || 'none'}`,
    );
  }
  const target = report.target_precision;
  if (target) {
    out.push(
      target.reached
        ? `target precision ${target.target}: threshold ${dec(target.threshold)} gives precision ${dec(target.precision)}, recall ${dec(target.recall)}, F1 ${dec(target.f1)}, auto-match ${pct(target.auto_match_rate)}`
        : `target precision ${target.target}: not reached; the best is ${dec(target.precision)} at threshold ${dec(target.threshold)} (recall ${dec(target.recall)})`,
    );
  }
  if (counts.missing > 0) {
    out.push(
      `${plural(counts.missing, 'gold-standard source has', 'gold-standard sources have')} no prediction (counted as "none"): ${listKeys(report.keys.missing)}`,
    );
  }
  if (counts.extra > 0) {
    out.push(
      `${plural(counts.extra, 'prediction is', 'predictions are')} not in the gold standard (left out): ${listKeys(report.keys.extra)}`,
    );
  }
  for (const gate of gates) {
    out.push(
      `gate ${gate.passed ? 'passed' : 'FAILED'}: ${gate.name} = ${dec(gate.value)} ${gate.passed ? '≥' : '<'} ${gate.min} (${gate.path})`,
    );
  }
  return `${out.join('\n')}\n`;
}
