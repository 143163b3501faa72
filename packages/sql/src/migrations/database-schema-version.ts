import { InputError } from '@em/core';
import type { SqlTarget } from '../dml/sql-target.js';
import { SCHEMA_VERSION } from './schema-migrations.js';
import { recordedSchemaVersionSql, reviewDecisionColumnsSql, schemaTablesSql } from './schema-version-sql.js';

/** What the schema queries found in a database. */
export interface SchemaFacts {
  /** `schema.table` names of gold and ops that exist. */
  readonly tables: readonly string[];
  /** MAX(version) of ops.schema_version; null when the table is missing or empty. */
  readonly recordedVersion: number | null;
  /** gold.review_decisions has the `undoes` column (added in version 1). */
  readonly reviewAuditColumns: boolean;
}

/**
 * The schema version of a database, or null when it has no em tables yet (a fresh one). A
 * database made before versions existed has no ops.schema_version: version 1 when its review
 * audit has the columns version 1 added, else 0.
 */
export function databaseSchemaVersion(facts: SchemaFacts): number | null {
  if (facts.recordedVersion !== null) return facts.recordedVersion;
  if (!facts.tables.includes('gold.matched_entities')) return null;
  return facts.reviewAuditColumns ? 1 : 0;
}

/** A database this em cannot use as it is: older (and opened read-only) or newer. */
export function schemaVersionError(where: string, version: number, migrateCommand: string): InputError {
  if (version > SCHEMA_VERSION) {
    return new InputError(
      `${where} has schema version ${version}, newer than this em knows (${SCHEMA_VERSION}): a newer em wrote it. Upgrade em to use it.`,
    );
  }
  return new InputError(
    `${where} has schema version ${version}; this em needs version ${SCHEMA_VERSION}. ` +
      `It was opened read-only, so it was not upgraded. Run \`${migrateCommand}\` once (it applies ` +
      `${SCHEMA_VERSION - version} migration(s) from sql/migrations/ and keeps every row), then retry.`,
  );
}

/** Runs one statement with named parameters and returns its rows (each engine passes its own). */
export type SchemaQuery = (
  sql: string,
  params: Readonly<Record<string, string>>,
) => Promise<readonly Record<string, unknown>[]>;

/** The schema version of the database `query` reaches, or null when it has no em tables yet. */
export async function readSchemaVersion(target: SqlTarget, query: SchemaQuery): Promise<number | null> {
  // DuckDB reads its own database; Databricks filters the metastore by catalog, bound as a value.
  const byCatalog: Readonly<Record<string, string>> =
    target.dialect === 'databricks' ? { catalog: target.catalog ?? 'entity_matching' } : {};
  const tables = (await query(schemaTablesSql(target), byCatalog)).map(
    (r) => `${r.table_schema}.${r.table_name}`,
  );
  const recorded = tables.includes('ops.schema_version')
    ? ((await query(recordedSchemaVersionSql(target), {}))[0]?.version ?? null)
    : null;
  const columns = await query(reviewDecisionColumnsSql(target), byCatalog);
  return databaseSchemaVersion({
    tables,
    recordedVersion: recorded === null ? null : Number(recorded),
    reviewAuditColumns: columns.some((c) => c.column_name === 'undoes'),
  });
}
