import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '@em/core';

type LabelCaseRow = import('@em/local').LabelCaseRow;
type PairLabel = import('@em/local').PairLabel;

/** Candidates per row of the label CSV. */
const COLUMNS = 5;

/** The queue as a spreadsheet: the source, its top candidates, an empty `answer` column. */
export async function writeLabelCsv(file: string, cases: readonly LabelCaseRow[]): Promise<void> {
  const { csvLine } = await import('@em/local');
  const head = ['source_id', 'source_system', 'company_name', 'ticker', 'country'];
  for (let i = 1; i <= COLUMNS; i++)
    head.push(`candidate_${i}_ciq_id`, `candidate_${i}_name`, `candidate_${i}_score`);
  head.push('answer');
  const lines = [csvLine(head)];
  for (const c of cases) {
    const ranked = [...c.candidates]
      .sort((a, b) => (b.pair_score ?? -1) - (a.pair_score ?? -1))
      .slice(0, COLUMNS);
    const row: (string | number | null)[] = [
      c.source_id,
      c.source_system,
      c.source.company_name,
      c.source.ticker,
      c.source.country,
    ];
    for (let i = 0; i < COLUMNS; i++) {
      const x = ranked[i];
      row.push(x?.ciq_id ?? '', x?.company_name ?? '', x?.pair_score == null ? '' : x.pair_score.toFixed(3));
    }
    row.push('');
    lines.push(csvLine(row));
  }
  writeFileSync(file, lines.join(''));
}

/**
 * Answers from a filled-in label CSV: `answer` is a candidate number (1–5), a ciq_id, or
 * "none"; empty rows are skipped. Every row is checked first; one bad row rejects the file,
 * naming its line and the fix.
 */
export async function readLabelCsv(
  file: string,
  knownIds: (ids: readonly string[]) => Promise<Set<string>>,
  by: string,
  now: string,
): Promise<PairLabel[]> {
  const { parseCsv } = await import('@em/local');
  const problems: string[] = [];
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'), (line, message) =>
    problems.push(`line ${line}: ${message}`),
  );
  const columns = header?.fields.map((f) => f.trim()) ?? [];
  for (const needed of ['source_id', 'source_system', 'answer'])
    if (!columns.includes(needed))
      problems.push(`line 1: the header has no "${needed}" column (export one with em label --export)`);
  const answers: { line: number; source_id: string; source_system: string; ciq_id: string | null }[] = [];
  records.forEach(({ line, fields }) => {
    const r: Record<string, string | undefined> = Object.fromEntries(columns.map((c, i) => [c, fields[i]]));
    const answer = (r.answer ?? '').trim();
    if (answer === '') return;
    if (!r.source_id || !r.source_system) {
      problems.push(`line ${line}: source_id and source_system are required`);
      return;
    }
    let ciq: string | null;
    if (answer.toLowerCase() === 'none') ciq = null;
    else if (/^[1-9]$/.test(answer)) {
      ciq = r[`candidate_${answer}_ciq_id`] ?? '';
      if (ciq === '') {
        problems.push(`line ${line}: answer ${answer} names no candidate on that row`);
        return;
      }
    } else ciq = answer;
    answers.push({ line, source_id: r.source_id, source_system: r.source_system, ciq_id: ciq });
  });
  const known = await knownIds(answers.flatMap((a) => (a.ciq_id ? [a.ciq_id] : [])));
  for (const a of answers)
    if (a.ciq_id !== null && !known.has(a.ciq_id))
      problems.push(`line ${a.line}: ${a.ciq_id} is not a reference ciq_id (use 1-5, a ciq_id, or none)`);
  if (problems.length > 0)
    throw new InputError(
      `${file}: nothing imported, ${problems.length} problem(s):\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  return answers.map((a) => ({
    source_id: a.source_id,
    source_system: a.source_system,
    true_ciq_id: a.ciq_id,
    labelled_by: by,
    labelled_at: now,
    via: 'csv',
  }));
}
