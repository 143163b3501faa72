import type { EvaluationReport } from '../../evaluate.js';
import type { GateResult } from '../../gates.js';
import type { Views } from '../../metrics/breakdown.js';
import type { Metrics } from '../../metrics/metrics.js';
import { confidenceHistogramChart } from './confidence-histogram.js';
import { costByStageChart } from './cost-by-stage.js';
import { prCurveChart } from './pr-curve.js';
import { stageFunnelChart } from './stage-funnel.js';
import { STYLES } from './styles.js';
import { esc, fmtInt, fmtPct, fmtThreshold } from './svg.js';
import { worstErrorsTable } from './worst-errors-table.js';

export interface HtmlReportOptions {
  title?: string;
  /** Shown under the title, e.g. the input paths. */
  inputs?: { predictions?: string; truth?: string };
  gates?: readonly GateResult[];
}

/** The chart ids the page always contains (each an <svg id="chart-…" data-chart="…">). */
export const HTML_CHARTS = ['pr-curve', 'confidence', 'funnel', 'cost'] as const;

const card = (label: string, value: string, note = '') =>
  `<div class="card"><div class="k">${esc(label)}</div><div class="v">${esc(value)}</div><div class="n">${esc(note)}</div></div>`;

const d4 = (v: number) => v.toFixed(4);
const metricCells = (m: Metrics) =>
  [
    fmtInt(m.n),
    fmtInt(m.tp),
    fmtInt(m.fp),
    fmtInt(m.fn),
    fmtInt(m.tn),
    d4(m.precision),
    d4(m.recall),
    d4(m.f1),
    d4(m.accuracy),
    fmtPct(m.auto_match_rate),
    fmtPct(m.review_rate),
  ]
    .map((c) => `<td>${c}</td>`)
    .join('');

function viewsTable(id: string, title: string, groups: Record<string, Views>): string {
  const head = ['n', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1', 'accuracy', 'auto-match', 'review']
    .map((h) => `<th>${h}</th>`)
    .join('');
  const rows = Object.entries(groups)
    .flatMap(([name, v]) => [
      `<tr><td>${esc(name)} · all</td>${metricCells(v.all)}</tr>`,
      `<tr><td>${esc(name)} · auto</td>${metricCells(v.auto)}</tr>`,
    ])
    .join('');
  return `<table id="${id}"><thead><tr><th>${esc(title)}</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${esc(caption)}</figcaption>${svg}</figure>`;
}

function keysSection(report: EvaluationReport): string {
  const list = (keys: readonly { source_system: string; source_id: string }[]) =>
    keys
      .slice(0, 200)
      .map((k) => esc(`${k.source_system}/${k.source_id}`))
      .join(', ') + (keys.length > 200 ? ` … (${keys.length - 200} more in --json)` : '');
  const parts = [];
  if (report.counts.missing > 0)
    parts.push(
      `<p><b>${fmtInt(report.counts.missing)}</b> gold-standard sources have no prediction; they count as "none":</p><p class="keys">${list(report.keys.missing)}</p>`,
    );
  if (report.counts.extra > 0)
    parts.push(
      `<p><b>${fmtInt(report.counts.extra)}</b> predictions are not in the gold standard and are left out:</p><p class="keys">${list(report.keys.extra)}</p>`,
    );
  return parts.length === 0 ? '' : `<h2>Keys</h2>${parts.join('')}`;
}

/** A self-contained HTML page (inline CSS and SVG, no scripts, no network) for one evaluation. */
export function renderHtmlReport(report: EvaluationReport, options: HtmlReportOptions = {}): string {
  const { all, auto, counts } = report;
  const lat = report.latency_ms;
  const inputs = options.inputs
    ? Object.entries(options.inputs)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}: ${v}`)
        .join(' · ')
    : '';
  const gates = (options.gates ?? [])
    .map(
      (g) =>
        `<span class="${g.passed ? 'gate-pass' : 'gate-fail'}">${g.passed ? '✓' : '✗'} ${esc(g.name)} ${d4(g.value)} ${g.passed ? '≥' : '<'} ${g.min}</span>`,
    )
    .join(' &nbsp; ');
  const target = report.target_precision;
  const cards = [
    card('F1', d4(all.f1), `precision ${d4(all.precision)} · recall ${d4(all.recall)}`),
    card('Accuracy', fmtPct(all.accuracy, 2), 'incl. correct "no match"'),
    card(
      'Auto-match rate',
      fmtPct(auto.auto_match_rate),
      `${fmtPct(auto.auto_match_rate_true_match)} of rows with a true match`,
    ),
    card('Auto-set precision', d4(auto.precision), `recall ${d4(auto.recall)} at ≥ ${report.threshold}`),
    card('Review rate', fmtPct(auto.review_rate), `${fmtInt(counts.evaluated - auto.auto_matched)} rows`),
    card(
      'Cost / entity',
      report.cost ? `$${report.cost.per_entity_usd.toFixed(6)}` : '–',
      report.cost ? `$${report.cost.total_usd.toFixed(4)} in all` : 'not recorded',
    ),
    card(
      'Latency p95',
      lat ? `${lat.p95.toFixed(1)} ms` : '–',
      lat ? `p50 ${lat.p50.toFixed(1)} · p99 ${lat.p99.toFixed(1)} ms` : 'not recorded',
    ),
  ];
  if (target)
    cards.push(
      card(
        `Threshold for P ≥ ${target.target}`,
        target.reached ? fmtThreshold(target.threshold) : 'not reached',
        `recall ${d4(target.recall)} · precision ${d4(target.precision)}`,
      ),
    );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title ?? 'em-eval report')}</title><style>${STYLES}</style></head>
<body><main>
<h1>${esc(options.title ?? 'em-eval report')}</h1>
<p class="sub">${fmtInt(counts.evaluated)} sources (${fmtInt(counts.true_match)} with a true match) · auto-match threshold ${report.threshold}${inputs ? ` · ${esc(inputs)}` : ''}</p>
${gates ? `<p>${gates}</p>` : ''}
<div class="cards">${cards.join('')}</div>
<h2>Views</h2>
${viewsTable('views', 'view', { rows: { all, auto }, ...report.subsets })}
<h2>Charts</h2>
<div class="charts">
${figure('Precision-recall over the auto-match threshold', prCurveChart(report))}
${figure('Confidence: correct vs incorrect', confidenceHistogramChart(report))}
${figure('Stage funnel', stageFunnelChart(report))}
${figure('Cost per stage', costByStageChart(report))}
</div>
<h2>By stage</h2>
${viewsTable('by-stage', 'stage', report.by_stage)}
<h2>By method</h2>
${viewsTable('by-method', 'method', report.by_method)}
<h2>The ${Math.min(20, report.worst_errors.length)} worst errors (most confident first)</h2>
${worstErrorsTable(report.worst_errors)}
${keysSection(report)}
<footer>em-eval · report schema ${report.schema_version} · "all" counts every prediction; "auto" only those with confidence ≥ ${report.threshold}, the rest undecided.</footer>
</main></body></html>
`;
}
