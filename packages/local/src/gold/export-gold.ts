import path from 'node:path';
import { InputError } from '@em/core';
import type { Database } from '../db/database.js';

const FORMATS: Record<string, string> = {
  '.csv': '(FORMAT csv, HEADER true)',
  '.parquet': '(FORMAT parquet)',
  '.jsonl': '(FORMAT json)',
  '.ndjson': '(FORMAT json)',
};

/** Write gold.matched_entities (every column, ordered by source_system, source_id) to a file; the extension picks the format. */
export async function exportGold(db: Database, outPath: string): Promise<{ rows: number; path: string }> {
  const format = FORMATS[path.extname(outPath).toLowerCase()];
  if (!format) {
    throw new InputError(`${outPath}: unknown export type; use .csv, .parquet or .jsonl.`);
  }
  const [result] = await db.all<{ Count: number }>(
    `COPY (SELECT * FROM gold.matched_entities ORDER BY source_system, source_id) TO $1 ${format}`,
    [outPath],
    'export',
  );
  return { rows: result?.Count ?? 0, path: outPath };
}
