import type { CsvRecord } from './review-csv.js';

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

/** One data row of a decided CSV, trimmed; `decision` is filled in when the file has only decided_ciq_id. */
export interface ImportRow {
  readonly line: number;
  readonly source_id: string;
  readonly source_system: string;
  readonly decision: string;
  readonly decided_ciq_id: string;
  readonly note: string;
  readonly decided_by: string;
  /** The suggestion the reviewer saw (export column suggested_ciq_id; '' when absent). */
  readonly suggested_ciq_id: string;
  /** The gold row's version at export ('' when the file has no gold_version column). */
  readonly gold_version: string;
}

/** Data rows by column name; header problems and ragged rows go to `problems`. */
export function readImportRows(records: readonly CsvRecord[], problems: ImportProblem[]): ImportRow[] {
  const [header, ...data] = records;
  if (!header) {
    problems.push({ line: 1, message: 'the file is empty; it needs a header line and one row per case.' });
    return [];
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  const missing = ['source_id', 'source_system'].filter((n) => at(n) < 0);
  if (at('decision') < 0 && at('decided_ciq_id') < 0) missing.push('decision or decided_ciq_id');
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      message: `the header lacks ${missing.join(', ')}; \`em review export\` writes a file with every column.`,
    });
    return [];
  }
  const hasDecision = at('decision') >= 0;
  const rows: ImportRow[] = [];
  for (const record of data) {
    if (record.fields.length !== names.length) {
      problems.push({
        line: record.line,
        message: `${record.fields.length} fields, but the header has ${names.length}; quote values that contain commas.`,
      });
      continue;
    }
    const get = (name: string) => (at(name) < 0 ? '' : record.fields[at(name)]!.trim());
    const row = {
      line: record.line,
      source_id: get('source_id'),
      source_system: get('source_system'),
      decision: get('decision'),
      decided_ciq_id: get('decided_ciq_id'),
      note: get('note'),
      decided_by: get('decided_by'),
      suggested_ciq_id: get('suggested_ciq_id'),
      gold_version: get('gold_version'),
    };
    if (row.source_id === '' || row.source_system === '') {
      problems.push({ line: record.line, message: 'source_id and source_system must both be filled in.' });
      continue;
    }
    // Without a decision column every row is decided: an empty decided_ciq_id means no match.
    rows.push(hasDecision ? row : { ...row, decision: row.decided_ciq_id === '' ? 'reject' : 'choose' });
  }
  return rows;
}
