import type { ReviewItem } from '@em/local';
import { html, type SafeHtml } from '../html/html.js';
import type { QueueFacets } from '../store/console-store.js';
import { caseHref, count, score } from './format.js';
import { BANDS, PAGE_SIZE, type QueueView, teachValue, viewQuery } from './queue-view.js';

const select = (
  name: string,
  label: string,
  values: readonly string[],
  current: string | undefined,
  labels?: Record<string, string>,
) =>
  html`<label>${label}<select name="${name}"><option value="">all</option>
${values.map((v) => html`<option value="${v}"${current === v ? html` selected` : ''}>${labels?.[v] ?? v}</option>`)}</select></label>`;

export function queuePage(
  view: QueueView,
  items: readonly ReviewItem[],
  total: number,
  facets: QueueFacets,
): SafeHtml {
  const q = viewQuery(view);
  const shown = items.slice(0, PAGE_SIZE);
  const bandLabels = Object.fromEntries(Object.entries(BANDS).map(([k, b]) => [k, b.label]));
  return html`<h1>Review queue <span class="muted small">${count(total)} case${total === 1 ? '' : 's'}${total > shown.length ? html`, first ${shown.length} shown` : ''}</span></h1>
<form class="filters" method="get" action="/queue">
${select('system', 'source system', facets.systems, view.system)}
${select('stage', 'stage', facets.stages, view.stage)}
${select('method', 'channel (method)', facets.methods, view.method)}
${select('band', 'confidence', Object.keys(BANDS), view.band, bandLabels)}
<label>sort<select name="sort"><option value="confidence">lowest confidence first</option>
<option value="teach"${view.sort === 'teach' ? html` selected` : ''}>most to teach the model first</option></select></label>
<button type="submit">Apply</button></form>
<p class="muted small"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · on a case: <kbd>1</kbd>–<kbd>9</kbd> choose · <kbd>a</kbd> accept · <kbd>n</kbd> no match · <kbd>s</kbd> skip · <kbd>u</kbd> undo · <kbd>/</kbd> search</p>
${
  shown.length === 0
    ? html`<div class="card" id="queue-empty">Nothing waits for review${q ? ' with these filters' : ''}.</div>`
    : html`<table id="queue"><thead><tr><th>#</th><th>source</th><th>company</th><th class="num">confidence</th><th>method</th><th>stage</th><th>suggestion</th><th class="num">best pair score</th><th class="num">teach</th></tr></thead><tbody>
${shown.map((item, i) => {
  const best = item.candidates.find((c) => c.ciq_id === item.suggested_ciq_id) ?? item.candidates[0];
  return html`<tr data-href="${caseHref(item, q)}" data-source-id="${item.source_id}" class="${i === 0 ? 'sel' : ''}">
<td class="num">${i + 1}</td><td><a href="${caseHref(item, q)}">${item.source_system}/${item.source_id}</a></td>
<td>${item.company_name ?? ''}</td><td class="num">${score(item.match_confidence)}</td><td>${item.match_method}</td>
<td class="small">${item.match_stage ?? ''}</td><td>${item.suggested_company_name ?? html`<span class="muted">none</span>`}${item.suggested_ciq_id ? html` <span class="muted small">${item.suggested_ciq_id}</span>` : ''}</td>
<td class="num">${score(best?.pair_score ?? null)}</td><td class="num">${teachValue(item).toFixed(2)}</td></tr>`;
})}</tbody></table>`
}`;
}
