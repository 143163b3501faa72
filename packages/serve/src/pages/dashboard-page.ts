import type { AlertState } from '@em/core/alerts';
import type { Monitoring } from '@em/local';
import { columnChart, horizontalBars } from '../charts/bar-chart.js';
import { lineChart } from '../charts/line-chart.js';
import { html, type SafeHtml } from '../html/html.js';
import { count, money, ms, percent } from './format.js';

const STATUS_COLOR: Record<string, string> = { succeeded: '#17813d', failed: '#c4302b', running: '#d9822b' };

export function dashboardPage(m: Monitoring, alerts: readonly AlertState[]): SafeHtml {
  const days = m.daily.map((d) => d.day);
  const firing = alerts.filter((a) => a.status === 'firing');
  const guide = (metric: string) => alerts.find((a) => a.rule.metric === metric && a.rule.enabled)?.rule;
  const amr = guide('auto_match_rate');
  const rs = guide('review_share');
  return html`<h1>Dashboard ${firing.length > 0 ? html`<span class="pill firing" id="alerts-firing">${firing.length} alert${firing.length === 1 ? '' : 's'} firing</span>` : html`<span class="pill ok">no alert firing</span>`}</h1>
<div class="card stats">
<div><div class="muted small">entities in gold</div><div class="big">${count(m.totalEntities)}</div></div>
<div><div class="muted small">review queue</div><div class="big" id="queue-size">${count(m.queueSize)}</div></div>
<div><div class="muted small">latency p50 / p90 / p99</div><div class="big">${ms(m.latency.p50)} <span class="muted small">/ ${ms(m.latency.p90)} / ${ms(m.latency.p99)}</span></div></div>
<div><div class="muted small">matching runs</div><div class="big">${count(m.runs.length)}</div></div>
</div>
<h2>Alerts ${m.alertMetrics.day ? html`<span class="muted small">measured on ${m.alertMetrics.day}</span>` : ''}</h2>
<table id="alerts"><thead><tr><th>state</th><th>rule</th><th>measured</th></tr></thead><tbody>
${alerts.map((a) => html`<tr data-alert="${a.rule.id}" data-status="${a.status}"><td><span class="pill ${a.status}">${a.status.replace('_', ' ')}</span></td><td>${a.rule.id}</td><td>${a.message.replace(/^[^:]+: /, '')}</td></tr>`)}
</tbody></table>
<div class="grid">
<div class="card"><h2>Auto-match rate and review share per day</h2>
${lineChart({
  id: 'rates',
  labels: days,
  series: [
    { name: 'auto-match rate', values: m.daily.map((d) => d.auto_match_rate) },
    { name: 'review share', values: m.daily.map((d) => d.review_share) },
  ],
  format: (v) => percent(v, 0),
  maxY: 1,
  guides: [
    ...(amr
      ? [{ value: amr.threshold, label: `auto-match alert ${amr.op} ${percent(amr.threshold, 0)}` }]
      : []),
    ...(rs ? [{ value: rs.threshold, label: `review alert ${rs.op} ${percent(rs.threshold, 0)}` }] : []),
  ],
})}</div>
<div class="card"><h2>Runs over time <span class="muted small">rows processed per matching run</span></h2>
${columnChart(
  'runs',
  m.runs.map((r) => ({
    label: r.started_at.slice(5, 16),
    value: r.rows_processed ?? 0,
    color: STATUS_COLOR[r.status] ?? '#5b6475',
    title: `${r.started_at} ${r.status}: ${count(r.rows_processed)} rows${r.message ? ` — ${r.message}` : ''}`,
  })),
  (v) => count(v),
)}</div>
<div class="card"><h2>Stage funnel <span class="muted small">which stage decided each entity</span></h2>
${horizontalBars(
  'funnel',
  m.stages.map((s) => ({ label: s.stage, value: s.entities })),
  (v) => count(v),
)}</div>
<div class="card"><h2>Cost per entity by stage</h2>
${horizontalBars(
  'cost',
  m.stages.map((s) => ({
    label: s.stage,
    value: s.cost_per_entity,
    title: `${s.stage}: ${money(s.cost_per_entity)} per entity, ${money(s.cost_usd)} in all`,
  })),
  money,
)}</div>
<div class="card"><h2>Latency percentiles per day</h2>
${lineChart({
  id: 'latency',
  labels: days,
  series: [
    { name: 'p50', values: m.daily.map((d) => d.p50_latency_ms) },
    { name: 'p95', values: m.daily.map((d) => d.p95_latency_ms) },
    { name: 'p99', values: m.daily.map((d) => d.p99_latency_ms) },
  ],
  format: (v) => ms(v),
})}</div>
<div class="card"><h2>Cost per entity per day</h2>
${lineChart({ id: 'cost-daily', labels: days, series: [{ name: 'cost per entity', values: m.daily.map((d) => d.cost_per_entity) }], format: money })}</div>
</div>
<h2>Per day</h2>
<table id="daily"><thead><tr><th>day</th><th class="num">entities</th><th class="num">auto-match</th><th class="num">review share</th><th class="num">human</th><th class="num">cost / entity</th><th class="num">avg latency</th></tr></thead><tbody>
${[...m.daily].reverse().map((d) => html`<tr><td>${d.day}</td><td class="num">${count(d.entities)}</td><td class="num">${percent(d.auto_match_rate)}</td><td class="num">${percent(d.review_share)}</td><td class="num">${count(d.human)}</td><td class="num">${money(d.cost_per_entity)}</td><td class="num">${ms(d.avg_latency_ms)}</td></tr>`)}
</tbody></table>`;
}
