import type { EngineSchemaUpgrade } from '@em/core/engine';
import {
  migrationStatements,
  pendingMigrations,
  readSchemaVersion,
  recordSchemaVersionSql,
  SCHEMA_VERSION,
  type SqlTarget,
  schemaVersionError,
  schemaVersionTableStatements,
} from '@em/sql';
import type { SqlClient } from './sql-client.js';

const STAGE = 'schema version';

const target = (sql: SqlClient): SqlTarget => ({ dialect: 'databricks', catalog: sql.catalog });

/** The schema version of the catalog's em tables (Unity Catalog's system.information_schema), or null when there are none. */
export function readDatabricksSchemaVersion(sql: SqlClient): Promise<number | null> {
  return readSchemaVersion(target(sql), (statement, params) => sql.all(statement, params, STAGE));
}

/**
 * Apply the migrations the catalog's tables lack (sql/migrations/ rendered for Databricks; files
 * for the embedded engine only are recorded without statements), each followed by its version
 * row. Tables from a newer em are refused. Call before the DDL, whose views may need the new shape.
 */
export async function migrateDatabricksSchema(sql: SqlClient): Promise<EngineSchemaUpgrade> {
  const t = target(sql);
  const from = await readDatabricksSchemaVersion(sql);
  if (from === null) return { from, to: SCHEMA_VERSION, applied: [] };
  if (from > SCHEMA_VERSION) throw schemaVersionError(`Catalog ${sql.catalog}`, from, '');
  const applied: { version: number; name: string }[] = [];
  const pending = pendingMigrations(from);
  if (pending.length === 0) return { from, to: SCHEMA_VERSION, applied };
  for (const statement of schemaVersionTableStatements(t)) await sql.run(statement, {}, STAGE);
  for (const migration of pending) {
    for (const statement of migrationStatements(migration, t))
      await sql.run(statement, {}, `migration ${migration.file}`);
    await sql.run(recordSchemaVersionSql(t), { version: migration.version, name: migration.name }, STAGE);
    applied.push({ version: migration.version, name: migration.name });
  }
  return { from, to: SCHEMA_VERSION, applied };
}

/** After the DDL created the tables of a new catalog: record that they are at the current version. */
export async function recordNewSchema(sql: SqlClient): Promise<void> {
  await sql.run(
    recordSchemaVersionSql(target(sql)),
    { version: SCHEMA_VERSION, name: `created at version ${SCHEMA_VERSION}` },
    STAGE,
  );
}
