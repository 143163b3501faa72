import { readFileSync, writeFileSync } from 'node:fs';
import { type BronzeRow, normalizeRows } from './normalize-batch.js';

/** One batch: a file of bronze rows as DuckDB writes a JSON array, and where the result goes. */
export interface NormalizeJob {
  readonly input: string;
  readonly output: string;
}

/** Normalize the rows of `job.input` and write their CSV lines to `job.output`; returns the row count. */
export function normalizeFile(job: NormalizeJob): number {
  const rows = JSON.parse(readFileSync(job.input, 'utf8')) as BronzeRow[];
  writeFileSync(job.output, normalizeRows(rows));
  return rows.length;
}
