import { ddlStatements } from '@em/sql';
import type { SqlClient } from './sql-client.js';

export interface ApplyDdlOptions {
  /** Already-rendered statements to run instead of sql/ (tests, or a custom layout). */
  readonly statements?: readonly string[];
  /** Run CREATE CATALOG (needs the metastore privilege). Default true; false when an admin made the catalog. */
  readonly createCatalog?: boolean;
}

/** The sql/ DDL (carried by @em/sql) rendered for Databricks with this catalog. */
export function databricksDdl(catalog: string): string[] {
  return ddlStatements({ dialect: 'databricks', catalog }).map((s) => s.statement);
}

/**
 * Create the catalog, schemas, tables and views. Every statement is IF NOT EXISTS or CREATE OR
 * REPLACE VIEW, so running it again changes nothing. Returns the statements it ran.
 */
export async function applyDatabricksDdl(sql: SqlClient, options: ApplyDdlOptions = {}): Promise<string[]> {
  const all = options.statements ?? databricksDdl(sql.catalog);
  const statements =
    options.createCatalog === false ? all.filter((s) => !/^\s*CREATE\s+CATALOG\b/i.test(s)) : all;
  for (const statement of statements) await sql.run(statement, {}, 'creating tables (sql/ DDL)');
  return [...statements];
}
