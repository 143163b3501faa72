import { EmError } from '@em/core';
import type { SqlClient } from './sql-client.js';

export interface ApplyDdlOptions {
  /** Folder of the NNN_*.sql files; default: the repository's sql/. */
  readonly sqlDir?: string;
  /** Already-rendered statements to run instead of reading sql/ (tests, or a custom layout). */
  readonly statements?: readonly string[];
  /** Run CREATE CATALOG (needs the metastore privilege). Default true; false when an admin made the catalog. */
  readonly createCatalog?: boolean;
}

/**
 * The sql/ DDL rendered for Databricks with this catalog. The renderer and the sql/ reader live in
 * @em/local (pure string work), imported only here and only when called.
 */
export async function databricksDdl(catalog: string, sqlDir?: string): Promise<string[]> {
  const local = await import('@em/local').catch((cause: unknown) => {
    throw new EmError(
      'Rendering the sql/ DDL needs @em/local (npm install @em/local), or pass `statements` to init.',
      { cause },
    );
  });
  const { readSqlFiles, renderSqlStatements } = local;
  return readSqlFiles(sqlDir).flatMap((file) => renderSqlStatements(file.text, 'databricks', { catalog }));
}

/**
 * Create the catalog, schemas, tables and views. Every statement is IF NOT EXISTS or CREATE OR
 * REPLACE VIEW, so running it again changes nothing. Returns the statements it ran.
 */
export async function applyDatabricksDdl(sql: SqlClient, options: ApplyDdlOptions = {}): Promise<string[]> {
  const all = options.statements ?? (await databricksDdl(sql.catalog, options.sqlDir));
  const statements =
    options.createCatalog === false ? all.filter((s) => !/^\s*CREATE\s+CATALOG\b/i.test(s)) : all;
  for (const statement of statements) await sql.run(statement, {}, 'creating tables (sql/ DDL)');
  return [...statements];
}
