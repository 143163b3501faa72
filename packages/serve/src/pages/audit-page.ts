import type { DecisionRecord } from '@em/local';
import { html, type SafeHtml } from '../html/html.js';
import { caseHref, score } from './format.js';

export function auditPage(decisions: readonly DecisionRecord[]): SafeHtml {
  return html`<h1>Audit trail <span class="muted small">newest first (gold.review_decisions)</span></h1>
${
  decisions.length === 0
    ? html`<p class="muted">No human decision yet.</p>`
    : html`<table id="audit"><thead><tr><th>when</th><th>who</th><th>case</th><th>before</th><th>after</th><th>note</th></tr></thead><tbody>
${decisions.map(
  (
    d,
  ) => html`<tr data-decision-id="${d.decision_id}" data-source-id="${d.source_id}"><td class="small">${d.decided_at}</td><td>${d.decided_by}</td>
<td><a href="${caseHref(d)}">${d.source_system}/${d.source_id}</a></td>
<td>${d.before_method ?? ''} ${d.before_ciq_id ?? 'no match'} (${score(d.before_confidence)})</td>
<td>${d.undoes ? html`<span class="pill">undo</span> ` : ''}${d.after_ciq_id ? html`${d.after_company_name ?? ''} <span class="muted small">${d.after_ciq_id}</span>` : 'no match'}</td><td>${d.note ?? ''}</td></tr>`,
)}
</tbody></table>`
}`;
}
