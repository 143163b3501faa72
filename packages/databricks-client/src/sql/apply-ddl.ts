import { type EmError, InputError } from '@em/core';
import { ddlStatements } from '@em/sql';
import { DatabricksSqlError } from '../errors.js';
import type { SqlClient } from './sql-client.js';

export interface ApplyDdlOptions {
  /** Already-rendered statements to run instead of sql/ (tests, or a custom layout). */
  readonly statements?: readonly string[];
  /** Run CREATE CATALOG (needs the metastore privilege). Default true; false: use an existing catalog. */
  readonly createCatalog?: boolean;
  /**
   * Cloud storage for a new catalog's managed tables (`CREATE CATALOG … MANAGED LOCATION 's3://…'`),
   * needed where the metastore has no storage root (workspaces on default storage).
   */
  readonly managedLocation?: string;
}

const CREATE_CATALOG = /^\s*CREATE\s+CATALOG\b/i;

/** `s3://…`, `abfss://…`, `gs://…`: no quotes or backslashes, which a literal could not hold the same way. */
function checkedLocation(location: string): string {
  const value = location.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^'\\\s]+$/i.test(value)) {
    throw new InputError(
      `Managed location "${location}" is not a storage URL; pass one like s3://bucket/em, abfss://container@account.dfs.core.windows.net/em or gs://bucket/em (an external location you may use).`,
    );
  }
  return value;
}

/** The catalog statement as asked: skipped, as is, or with a MANAGED LOCATION. */
function catalogStatements(all: readonly string[], options: ApplyDdlOptions): string[] {
  if (options.createCatalog === false) return all.filter((s) => !CREATE_CATALOG.test(s));
  if (options.managedLocation === undefined) return [...all];
  const location = checkedLocation(options.managedLocation);
  return all.map((s) =>
    CREATE_CATALOG.test(s) ? `${s.trim().replace(/;$/, '')} MANAGED LOCATION '${location}'` : s,
  );
}

/** Why CREATE CATALOG failed, when it is the missing storage root, with both ways out. */
function catalogHint(error: unknown, catalog: string): EmError | null {
  if (!DatabricksSqlError.isInstance(error)) return null;
  const text = String((error as Error).message);
  if (!/storage root|MANAGED LOCATION|default storage|INVALID_STATE|METASTORE_STORAGE/i.test(text))
    return null;
  return new InputError(
    `CREATE CATALOG ${catalog} failed: this metastore has no storage root for new catalogs (${text.slice(0, 200)}). Either name storage for it (--managed-location s3://bucket/em, or managedLocation), or create the catalog in Catalog Explorer and use it as is (--existing-catalog, or createCatalog: false).`,
    { cause: error },
  );
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
  if (options.createCatalog === false && options.managedLocation !== undefined) {
    throw new InputError(
      'Pass either an existing catalog (createCatalog: false / --existing-catalog) or a managed location for a new one, not both.',
    );
  }
  const all = options.statements ?? databricksDdl(sql.catalog);
  const statements = catalogStatements(all, options);
  for (const statement of statements) {
    try {
      await sql.run(statement, {}, 'creating tables (sql/ DDL)');
    } catch (error) {
      throw (CREATE_CATALOG.test(statement) ? catalogHint(error, sql.catalog) : null) ?? error;
    }
  }
  return statements;
}
