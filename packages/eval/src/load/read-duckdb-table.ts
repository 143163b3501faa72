import { InputError } from '@em/core';
import { firstLine, sqlIdent, sqlString, withDuckDb } from './duckdb-session.js';
import type { TableFile } from './table-file.js';

export const GOLD_TABLE = 'gold.matched_entities';

/** Read one table (schema.table) from a DuckDB database file, attached read-only. */
export async function readDuckDbTable(path: string, file: string, table = GOLD_TABLE): Promise<TableFile> {
  const qualified = table.split('.').map(sqlIdent).join('.');
  const { columns, rows } = await withDuckDb(async (query) => {
    try {
      await query(`ATTACH ${sqlString(path)} AS predictions_db (READ_ONLY)`);
    } catch (error) {
      throw new InputError(
        `${file}: cannot open it as a DuckDB database (${firstLine(error)}). Pass the database \`em run\` wrote, or a CSV/Parquet/JSONL export of ${table}.`,
        { cause: error },
      );
    }
    try {
      return await query(`SELECT * FROM predictions_db.${qualified} ORDER BY source_system, source_id`);
    } catch (error) {
      throw new InputError(
        `${file}: has no readable table ${table} (${firstLine(error)}). Run \`em run\` on this database first, or pass the gold table exported as CSV/Parquet/JSONL.`,
        { cause: error },
      );
    }
  });
  return { file, columns, rows, locate: (i) => `${table} row ${i + 1}` };
}
