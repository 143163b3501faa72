import { MIGRATION_FILES } from '../ddl/ddl-files.generated.js';
import type { SqlTarget } from '../dml/sql-target.js';
import { renderSqlStatements, type SqlDialect } from '../render/render-sql.js';

/** One file of sql/migrations/: applying it brings a database to `version`. */
export interface SchemaMigration {
  readonly version: number;
  /** The file name without its number and extension, e.g. `neutral_method_names`. */
  readonly name: string;
  readonly file: string;
  /** Engines it runs on (`-- engines: duckdb` in the file; both when absent). */
  readonly dialects: readonly SqlDialect[];
  readonly text: string;
}

const DIALECTS: readonly SqlDialect[] = ['duckdb', 'databricks'];

function parse(file: { name: string; text: string }): SchemaMigration {
  const [, number, name] = /^(\d{3})_(.+)\.sql$/.exec(file.name)!;
  const engines = /^--\s*engines:\s*(.+)$/m.exec(file.text)?.[1];
  const dialects = engines ? DIALECTS.filter((d) => engines.split(/[\s,]+/).includes(d)) : DIALECTS;
  return { version: Number(number), name: name!, file: file.name, dialects, text: file.text };
}

/** Every migration, in version order. */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = MIGRATION_FILES.map(parse);

/** The schema version this em writes: the last migration's (sql/ DDL describes that shape). */
export const SCHEMA_VERSION: number = SCHEMA_MIGRATIONS.at(-1)?.version ?? 0;

/** A migration's statements for the target; none when it is for the other engine (its version is still recorded). */
export function migrationStatements(migration: SchemaMigration, target: SqlTarget): string[] {
  if (!migration.dialects.includes(target.dialect)) return [];
  return renderSqlStatements(
    migration.text,
    target.dialect,
    target.catalog ? { catalog: target.catalog } : {},
  );
}

/** The migrations a database at `version` lacks, in order. */
export function pendingMigrations(version: number): SchemaMigration[] {
  return SCHEMA_MIGRATIONS.filter((m) => m.version > version);
}
