import type { WorstError } from '../../metrics/worst-errors.js';
import { esc } from './svg.js';

const KIND_LABEL: Record<WorstError['kind'], string> = {
  wrong_match: 'wrong company',
  false_match: 'match, truth none',
  missed_match: 'missed',
  missing_prediction: 'no prediction',
};

function candidateList(error: WorstError): string {
  if (error.candidates.length === 0) return '<span class="n">none recorded</span>';
  const items = error.candidates.map((c) => {
    const cls = c.ciq_id === error.true_ciq_id ? 'truth' : c.ciq_id === error.predicted_ciq_id ? 'pred' : '';
    const score =
      c.pair_score === null ? `r ${c.retrieval_score.toFixed(3)}` : `p ${c.pair_score.toFixed(3)}`;
    return `<li class="${cls}">${esc(c.company_name)} <span class="n">${esc(c.ciq_id)} · ${score}</span></li>`;
  });
  return `<ol class="cands">${items.join('')}</ol>`;
}

/** The most confident errors with what the cascade saw: candidates (truth green, prediction red) and its reasoning. */
export function worstErrorsTable(errors: readonly WorstError[]): string {
  if (errors.length === 0) return '<p id="worst-errors">No errors.</p>';
  const rows = errors.map(
    (e, i) => `<tr>
<td>${i + 1}</td>
<td class="text">${e.company_name ? `<b>${esc(e.company_name)}</b><br>` : ''}<span class="n">${esc(e.source_system)}/${esc(e.source_id)}</span><br><span class="kind">${KIND_LABEL[e.kind]}</span></td>
<td class="text">${e.predicted_ciq_id === null ? '<i>none</i>' : `${esc(e.predicted_company_name ?? '')}<br><span class="n">${esc(e.predicted_ciq_id)}</span>`}</td>
<td class="text">${e.true_ciq_id === null ? '<i>none</i>' : `${esc(e.true_ciq_id)}${e.true_rank === null ? '' : `<br><span class="n">candidate rank ${e.true_rank}</span>`}`}</td>
<td>${e.confidence === null ? '–' : e.confidence.toFixed(3)}</td>
<td class="text">${esc(e.stage)}<br><span class="n">${esc(e.method)}</span></td>
<td class="text">${candidateList(e)}</td>
<td class="text reason">${esc(e.reasoning ?? '')}</td>
</tr>`,
  );
  return `<table id="worst-errors" class="errors"><thead><tr><th>#</th><th class="text">source</th><th class="text">predicted</th><th class="text">truth</th><th>confidence</th><th class="text">stage</th><th class="text">candidates</th><th class="text">reasoning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
