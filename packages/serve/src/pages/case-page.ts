import type { ReferenceHit, ReviewCase } from '@em/local';
import { waterfall } from '../charts/waterfall.js';
import { html, type SafeHtml } from '../html/html.js';
import { csrfField } from '../html/layout.js';
import type { CandidateExplanation } from '../match/explain-case.js';
import { agreement, COMPARED_FIELDS } from './compare.js';
import { caseHref, score } from './format.js';

export interface CasePageInput {
  readonly c: ReviewCase;
  readonly csrf: string | null;
  /** Queue filters to keep (a query string, '' for none). */
  readonly viewQuery: string;
  readonly next: { source_system: string; source_id: string } | null;
  readonly search: { readonly query: string; readonly hits: readonly ReferenceHit[] } | null;
  readonly explained: { readonly ciq_id: string; readonly explanation: CandidateExplanation | null } | null;
  readonly modelNote: string | null;
}

type Row = Record<string, unknown>;

const field = (row: Row | null, name: string): string | null => {
  const v = row?.[name];
  return v === null || v === undefined ? null : String(v);
};

function decideForm(
  c: ReviewCase,
  id: string,
  ciqId: string | null,
  label: SafeHtml | string,
  csrf: string | null,
  viewQuery: string,
  primary = false,
): SafeHtml {
  return html`<form class="inline" id="${id}" method="post" action="${caseHref(c, '/decide')}">${csrfField(csrf)}
<input type="hidden" name="ciq_id" value="${ciqId ?? ''}"><input type="hidden" name="view" value="${viewQuery}">
<button type="submit" class="${primary ? 'primary' : ''}">${label}</button></form>`;
}

export function casePage(input: CasePageInput): SafeHtml {
  const { c, csrf, viewQuery } = input;
  const source = c.source as Row | null;
  const d = c.decision;
  const undoable = c.history.some(
    (h) => h.undoes === null && !c.history.some((u) => u.undoes === h.decision_id),
  );
  const explainHref = (ciq: string) =>
    `${caseHref(c)}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(viewQuery)), explain: ciq })}#explain`;
  return html`<h1>${c.source_system}/${c.source_id} · ${field(source, 'company_name') ?? '(source record gone)'}</h1>
<div class="card" id="decision">
<div class="stats"><div><div class="muted small">current decision</div><strong>${d.match_method}</strong> ${d.matched_company_name ?? (d.match_method === 'no_match' ? '' : html`<span class="muted">no match</span>`)} ${d.matched_ciq_id ? html`<span class="muted small">${d.matched_ciq_id}</span>` : ''}</div>
<div><div class="muted small">confidence</div><strong>${score(d.match_confidence)}</strong></div>
<div><div class="muted small">stage</div>${d.match_stage ?? '–'}</div>
<div><div class="muted small">status</div>${d.needs_review ? html`<span class="pill firing">needs review</span>` : html`<span class="pill ok">decided</span>`}</div></div>
<p>${c.suggested_ciq_id ? decideForm(c, 'accept', c.suggested_ciq_id, html`<kbd>a</kbd> Accept suggestion (${c.suggested_ciq_id})`, csrf, viewQuery, true) : ''}
${decideForm(c, 'no-match', null, html`<kbd>n</kbd> No match in the reference`, csrf, viewQuery)}
${undoable ? html`<form class="inline" id="undo" method="post" action="${caseHref(c, '/undo')}">${csrfField(csrf)}<input type="hidden" name="view" value="${viewQuery}"><button type="submit"><kbd>u</kbd> Undo last decision</button></form>` : ''}
${input.next ? html`<a id="skip" href="${caseHref(input.next, viewQuery)}"><kbd>s</kbd> Skip to next case</a>` : html`<a id="skip" href="/queue${viewQuery}"><kbd>s</kbd> Back to the queue</a>`}</p>
</div>

<h2>Source and candidates, field by field</h2>
<table id="candidates"><thead><tr><th>key</th><th>ciq_id</th>${COMPARED_FIELDS.map((f) => html`<th>${f}</th>`)}<th class="num">retrieval</th><th class="num">pair score</th><th></th></tr></thead><tbody>
<tr class="source-row"><td><strong>source</strong></td><td class="muted small">${c.source_id}</td>${COMPARED_FIELDS.map((f) => html`<td>${field(source, f) ?? ''}</td>`)}<td></td><td></td><td></td></tr>
${c.candidates.map((k, i) => {
  const ref = k.reference as Row | null;
  return html`<tr data-ciq-id="${k.ciq_id}" class="${k.ciq_id === c.suggested_ciq_id ? 'sel' : ''}"><td>${i < 9 ? html`<kbd>${i + 1}</kbd>` : html`<span class="muted">${i + 1}</span>`}</td><td class="small">${k.ciq_id}</td>
${COMPARED_FIELDS.map((f) => {
  const value = f === 'company_name' ? (field(ref, f) ?? k.company_name) : field(ref, f);
  return html`<td class="${agreement(f, field(source, f), value)}">${value ?? ''}</td>`;
})}
<td class="num">${score(k.retrieval_score)}</td><td class="num">${score(k.pair_score)}</td>
<td>${i < 9 ? decideForm(c, `choose-${i + 1}`, k.ciq_id, 'Choose', csrf, viewQuery) : decideForm(c, `choose-x${i + 1}`, k.ciq_id, 'Choose', csrf, viewQuery)} <a class="small" href="${explainHref(k.ciq_id)}">explain</a></td></tr>`;
})}
</tbody></table>
${c.candidates.length === 0 ? html`<p class="muted">The retriever found no candidates for this record. Search the reference below.</p>` : ''}

<h2>Search the reference</h2>
<form method="get" action="${caseHref(c)}" id="search" class="filters">
${[...new URLSearchParams(viewQuery)].map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<label>name, ticker, LEI, ISIN or CUSIP <input id="search-q" name="q" value="${input.search?.query ?? ''}" size="40" autocomplete="off"></label>
<button type="submit">Search</button></form>
${input.search ? searchResults(input) : ''}

<h2 id="explain">Why this pair score</h2>
<div class="card">${explanation(input)}</div>

<h2>Reasoning</h2>
<div class="card"><pre class="reasoning">${d.reasoning ?? '(none recorded)'}</pre>
<div class="muted small">model ${d.model_version ?? '–'} · decided ${d.match_timestamp ?? '–'}</div></div>

<h2>Decision history</h2>
${
  c.history.length === 0
    ? html`<p class="muted" id="history-empty">No human decision yet.</p>`
    : html`<table id="history"><thead><tr><th>when</th><th>who</th><th>before</th><th>after</th><th>note</th></tr></thead><tbody>
${[...c.history].reverse().map((h) => html`<tr><td class="small">${h.decided_at}</td><td>${h.decided_by}</td><td>${h.before_method ?? ''} ${h.before_ciq_id ?? 'no match'} (${score(h.before_confidence)})</td><td>${h.undoes ? html`<span class="pill">undo</span> ` : ''}${h.after_ciq_id ? html`${h.after_company_name ?? ''} <span class="muted small">${h.after_ciq_id}</span>` : 'no match'}</td><td>${h.note ?? ''}</td></tr>`)}
</tbody></table>`
}`;
}

function searchResults(input: CasePageInput): SafeHtml {
  const { c, csrf, viewQuery } = input;
  const hits = input.search!.hits;
  if (hits.length === 0)
    return html`<p class="muted" id="search-empty">No reference row matches “${input.search!.query}”.</p>`;
  const source = c.source as Row | null;
  return html`<table id="search-results"><thead><tr><th>on</th><th>ciq_id</th>${COMPARED_FIELDS.map((f) => html`<th>${f}</th>`)}<th></th></tr></thead><tbody>
${hits.map(
  (
    h,
    i,
  ) => html`<tr data-ciq-id="${h.ciq_id}"><td><span class="pill">${h.matched_on}</span></td><td class="small">${h.ciq_id}</td>
${COMPARED_FIELDS.map((f) => html`<td class="${agreement(f, field(source, f), field(h as unknown as Row, f))}">${field(h as unknown as Row, f) ?? ''}</td>`)}
<td>${decideForm(c, `pick-${i + 1}`, h.ciq_id, 'Choose', csrf, viewQuery)}</td></tr>`,
)}
</tbody></table>`;
}

function explanation(input: CasePageInput): SafeHtml {
  if (input.modelNote) return html`<p class="muted">${input.modelNote}</p>`;
  const x = input.explained;
  if (!x) return html`<p class="muted">No candidate to explain.</p>`;
  if (!x.explanation)
    return html`<p class="muted">Candidate ${x.ciq_id} cannot be explained: its reference row or the source record is no longer in the tables.</p>`;
  const e = x.explanation;
  const drift =
    e.storedScore !== null && Math.abs(e.storedScore - e.probability) > 1e-6
      ? html`<p class="flash">The stored pair score was ${score(e.storedScore)}; today's model (${e.modelVersion}) gives ${score(e.probability)}. The chart explains today's model.</p>`
      : '';
  return html`<p class="small muted">Candidate <strong>${x.ciq_id}</strong> · model ${e.modelVersion} · contributions in log-odds (Saabas path attribution${e.weighting === 'uniform' ? ', leaves weighted equally: this model predates recorded covers' : ', weighted by training cover'}); the prior plus every bar is the score.</p>
${drift}${waterfall('waterfall', e)}`;
}
