import { DuckDBInstance } from '@duckdb/node-api';

type Connection = Awaited<ReturnType<DuckDBInstance['connect']>>;

/** Run `fn` against a fresh in-memory DuckDB and close it afterwards. */
export async function withDuckDb<T>(fn: (query: (sql: string) => Promise<Query>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: Connection = await instance.connect();
  try {
    return await fn(async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as Record<string, unknown>[] };
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export interface Query {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** A string literal for SQL. */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A quoted identifier for SQL. */
export const sqlIdent = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** The first line of a DuckDB error (the rest repeats the query or lists settings). */
export const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
