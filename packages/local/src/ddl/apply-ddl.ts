import type { Database } from '../db/database.js';
import { renderSqlStatements } from '../sql/render-sql.js';
import { readSqlFiles } from './sql-files.js';

/** Render every sql/ file for DuckDB and execute it, in one transaction. Idempotent. */
export async function applyDdl(db: Database, sqlDir?: string): Promise<string[]> {
  const files = readSqlFiles(sqlDir);
  await db.transaction(async () => {
    for (const file of files) {
      for (const statement of renderSqlStatements(file.text, 'duckdb')) {
        await db.run(statement, [], `init (${file.name})`);
      }
    }
  });
  return files.map((f) => f.name);
}
