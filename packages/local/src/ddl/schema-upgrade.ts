import { InputError } from '@em/core';
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
import type { Database } from '../db/database.js';
import { applyDdl } from './apply-ddl.js';

const DUCKDB: SqlTarget = { dialect: 'duckdb' };
const STAGE = 'schema version';

/** The database's schema version, or null when it has no em tables yet. */
export function readLocalSchemaVersion(db: Database): Promise<number | null> {
  return readSchemaVersion(DUCKDB, (sql, params) => db.all(sql, params, STAGE));
}

const record = (db: Database, version: number, name: string) =>
  db.run(recordSchemaVersionSql(DUCKDB), { version, name }, STAGE);

/**
 * Bring the database to this em's schema version and (re)apply the sql/ DDL: a new database gets
 * the DDL and the current version; an older one gets each missing migration in order, each in
 * its own transaction with its version row, so an interrupted upgrade resumes where it stopped.
 * A database newer than this em is refused. `em init` and `em migrate`.
 */
export async function upgradeSchema(db: Database): Promise<EngineSchemaUpgrade> {
  const from = await readLocalSchemaVersion(db);
  if (from !== null && from > SCHEMA_VERSION) throw schemaVersionError(db.path, from, '');
  const applied: { version: number; name: string }[] = [];
  if (from === null) {
    await db.transaction(async () => {
      await applyDdl(db);
      await record(db, SCHEMA_VERSION, `created at version ${SCHEMA_VERSION}`);
    });
    return { from, to: SCHEMA_VERSION, applied };
  }
  for (const statement of schemaVersionTableStatements(DUCKDB)) await db.run(statement, [], STAGE);
  for (const migration of pendingMigrations(from)) {
    await db.transaction(async () => {
      for (const statement of migrationStatements(migration, DUCKDB))
        await db.run(statement, [], `migration ${migration.file}`);
      await record(db, migration.version, migration.name);
    });
    applied.push({ version: migration.version, name: migration.name });
  }
  await applyDdl(db);
  return { from, to: SCHEMA_VERSION, applied };
}

/**
 * On opening a database with em tables: nothing when it is current; upgrade it when it is older
 * and opened for writing; refuse, naming `em migrate`, when it is older and read-only, or newer.
 */
export async function checkSchemaOnOpen(db: Database): Promise<void> {
  const version = await readLocalSchemaVersion(db);
  if (version === null) {
    throw new InputError(`${db.path} has no em tables yet; run \`em init\` (LocalEngine.init) first.`);
  }
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION || db.access === 'read')
    throw schemaVersionError(db.path, version, `em migrate --db ${db.path}`);
  await upgradeSchema(db);
}
