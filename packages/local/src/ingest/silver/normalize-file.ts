import { readFileSync, writeFileSync } from 'node:fs';
import { type BronzeRow, normalizeRows } from './normalize-batch.js';

/** One batch: a file of bronze rows as DuckDB writes JSON (one object a line), and where the result goes. */
export interface NormalizeJob {
  readonly input: string;
  readonly output: string;
}

/** Normalize the rows of `job.input` and write their CSV lines to `job.output`; returns the row count. */
export function normalizeFile(job: NormalizeJob): number {
  const text = readFileSync(job.input, 'utf8').trimEnd();
  // JSON escapes line breaks inside values, so the lines are the records.
  const rows = text === '' ? [] : (JSON.parse(`[${text.replaceAll('\n', ',')}]`) as BronzeRow[]);
  writeFileSync(job.output, normalizeRows(rows));
  return rows.length;
}
