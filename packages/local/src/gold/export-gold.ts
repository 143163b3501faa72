import path from 'node:path';
import { InputError } from '@em/core';
import type { Database } from '../db/database.js';
import { formulaSafeColumns } from './formula-safe-columns.js';

const FORMATS: Record<string, string> = {
  '.csv': '(FORMAT csv, HEADER true)',
  '.parquet': '(FORMAT parquet)',
  '.jsonl': '(FORMAT json)',
  '.ndjson': '(FORMAT json)',
};

/**
 * Write gold.matched_entities (every column, ordered by source_system, source_id) to a file; the
 * extension picks the format. CSV text cells that start like a formula get a leading `'`.
 */
export async function exportGold(db: Database, outPath: string): Promise<{ rows: number; path: string }> {
  const format = FORMATS[path.extname(outPath).toLowerCase()];
  if (!format) {
    throw new InputError(`${outPath}: unknown export type; use .csv, .parquet or .jsonl.`);
  }
  // CSV opens in spreadsheets: neutralize formula-like text cells (OWASP CSV injection).
  const columns = format.includes('csv') ? await formulaSafeColumns(db, 'gold', 'matched_entities') : '*';
  const [result] = await db.all<{ Count: number }>(
    `COPY (SELECT ${columns} FROM gold.matched_entities ORDER BY source_system, source_id) TO $1 ${format}`,
    [outPath],
    'export',
  );
  return { rows: result?.Count ?? 0, path: outPath };
}
