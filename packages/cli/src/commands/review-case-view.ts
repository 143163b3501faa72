import type { ReviewCase } from '../engine.js';
import { formatScore } from '../output/format.js';
import { type Column, renderKeyValues, renderTable } from '../output/table.js';

type Candidate = ReviewCase['candidates'][number];

const SOURCE_FIELDS = ['company_name', 'ticker', 'lei', 'isin', 'cusip', 'country', 'industry'] as const;

const CANDIDATE_COLUMNS: readonly Column<Candidate & { n: number }>[] = [
  { label: '#', value: (c) => c.n },
  { label: 'ciq_id', value: (c) => c.ciq_id },
  { label: 'company_name', value: (c) => c.company_name },
  { label: 'pair', value: (c) => c.pair_score, format: formatScore, align: 'right' },
  { label: 'retrieval', value: (c) => c.retrieval_score, format: formatScore, align: 'right' },
  { label: 'ids agree', value: (c) => c.identifier_hits.join(' ') },
  { label: 'ticker', value: (c) => c.reference?.ticker },
  { label: 'isin', value: (c) => c.reference?.isin },
  { label: 'country', value: (c) => c.reference?.country },
  { label: 'industry', value: (c) => c.reference?.industry },
];

/**
 * A case as text: the source record, the current decision and its reasoning, the candidates
 * numbered 1..k (at most `maxCandidates`), and earlier human decisions.
 */
export function renderCase(c: ReviewCase, options: { maxCandidates?: number } = {}): string {
  const d = c.decision;
  const source = c.source;
  const lines = [
    `${c.source_system} / ${c.source_id}`,
    renderKeyValues(
      SOURCE_FIELDS.map((f) => [`  ${f}`, source?.[f] ?? '–'] as const),
      { align: 'left' },
    ),
    '',
    `Now: ${d.matched_ciq_id ? `${d.matched_ciq_id} ${d.matched_company_name ?? ''}`.trimEnd() : 'no match'}` +
      ` (${d.match_method}, confidence ${formatScore(d.match_confidence)}${d.match_stage ? `, ${d.match_stage}` : ''})`,
    `Suggestion: ${c.suggested_ciq_id ? `${c.suggested_ciq_id} ${suggestedName(c)}`.trimEnd() : 'none (choose a candidate or mark no match)'}`,
  ];
  if (d.reasoning) lines.push(`Reasoning: ${d.reasoning}`);
  const shown = c.candidates.slice(0, options.maxCandidates ?? c.candidates.length);
  lines.push('');
  if (shown.length === 0) lines.push('No candidates were retrieved for this case.');
  else {
    lines.push(
      renderTable(
        shown.map((cand, i) => ({ ...cand, n: i + 1 })),
        CANDIDATE_COLUMNS,
      ),
    );
    if (shown.length < c.candidates.length)
      lines.push(`(${c.candidates.length - shown.length} more candidates not shown)`);
  }
  for (const h of c.history) {
    lines.push(
      `Decided ${h.decided_at} by ${h.decided_by}: ${h.after_ciq_id ? `${h.after_ciq_id} ${h.after_company_name ?? ''}`.trimEnd() : 'no match'}` +
        ` (before: ${h.before_ciq_id ?? 'no match'}, ${h.before_method ?? '–'} ${formatScore(h.before_confidence)})${h.note ? `; ${h.note}` : ''}`,
    );
  }
  return lines.join('\n');
}

function suggestedName(c: ReviewCase): string {
  if (c.suggested_ciq_id === c.decision.matched_ciq_id) return c.decision.matched_company_name ?? '';
  return c.candidates.find((x) => x.ciq_id === c.suggested_ciq_id)?.company_name ?? '';
}
