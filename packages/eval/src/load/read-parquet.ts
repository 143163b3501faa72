import { InputError } from '@em/core';
import { firstLine, sqlString, withDuckDb } from './duckdb-session.js';
import type { TableFile } from './table-file.js';

/** Read a Parquet file with DuckDB; rows are numbered from 1 in messages. */
export async function readParquet(path: string, file: string): Promise<TableFile> {
  const { columns, rows } = await withDuckDb(async (query) => {
    try {
      return await query(`SELECT * FROM read_parquet(${sqlString(path)})`);
    } catch (error) {
      throw new InputError(
        `${file}: not a readable Parquet file (${firstLine(error)}). Write it again with a Parquet writer, or pass a CSV.`,
        { cause: error },
      );
    }
  });
  return { file, columns, rows, locate: (i) => `row ${i + 1}` };
}
