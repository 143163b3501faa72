import { DuckDBDataChunk, type DuckDBType, type DuckDBValue, VARCHAR } from '@duckdb/node-api';
import type { Database } from './database.js';

const CHUNK_ROWS = 2048;

/**
 * Append column-major text data to a temp table through DuckDB's appender (far faster than
 * binding lists). `columns` are the table's columns in order, each an array of the same length.
 */
export async function appendTextColumns(
  db: Database,
  tempTable: string,
  columns: readonly (readonly (string | null)[])[],
): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  const types: DuckDBType[] = columns.map(() => VARCHAR);
  const appender = await db.connection.createAppender(tempTable, 'main', 'temp');
  try {
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const size = Math.min(CHUNK_ROWS, rows - start);
      const chunk = DuckDBDataChunk.create(types, size);
      chunk.setColumns(columns.map((c) => c.slice(start, start + size) as DuckDBValue[]));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
