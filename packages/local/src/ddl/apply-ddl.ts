import { ddlStatements } from '@em/sql';
import type { Database } from '../db/database.js';

/** Every sql/ statement (carried by @em/sql) rendered for DuckDB and executed, in one transaction. Idempotent. */
export async function applyDdl(db: Database): Promise<string[]> {
  const statements = ddlStatements({ dialect: 'duckdb' });
  await db.transaction(async () => {
    for (const { file, statement } of statements) await db.run(statement, [], `init (${file})`);
  });
  return [...new Set(statements.map((s) => s.file))];
}
