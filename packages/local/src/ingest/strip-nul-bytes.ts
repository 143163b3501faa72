import path from 'node:path';
import type { Database } from '../db/database.js';

/**
 * NUL bytes (U+0000) end strings in C tools and spreadsheets and never belong in a company
 * record: remove them from every staged field (any input format) and say where they were.
 */
export async function stripNulBytes(
  db: Database,
  file: string,
  columns: readonly string[],
): Promise<string[]> {
  const has = columns.map((c) => `strpos(${c}, chr(0)) > 0`).join(' OR ');
  const { rows, first } = await db.one<{ rows: number; first: number | null }>(
    `SELECT count(*) AS rows, min(line) AS first FROM em_stage WHERE ${has}`,
    [],
    'ingest',
  );
  if (rows === 0) return [];
  await db.run(
    `UPDATE em_stage SET ${columns.map((c) => `${c} = replace(${c}, chr(0), '')`).join(', ')} WHERE ${has}`,
    [],
    'ingest',
  );
  return [
    `${path.basename(file)}: NUL bytes (\\0) removed from ${rows} row${rows === 1 ? '' : 's'} (first at line ${first}); the rest of each value was kept.`,
  ];
}
