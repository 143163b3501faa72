export { DDL_FILES, type DdlFile, MIGRATION_FILES } from './ddl/ddl-files.generated.js';
export { type DdlColumn, ddlColumns, writableColumns } from './ddl/table-columns.js';
export { exactLookupSql, LOOKUP_QUERY_COLUMNS } from './dml/exact-lookup.js';
export { GOLD_COLUMNS, type GoldRowContext, goldMergeSql, goldRow } from './dml/gold-merge.js';
export {
  afterCursorSql,
  pendingCountSql,
  pendingPageSql,
  pendingParams,
  pendingSourcesSql,
} from './dml/pending-sources.js';
export {
  runFailAbandonedSql,
  runFinishParams,
  runFinishSql,
  runProgressSql,
  runStartSql,
} from './dml/run-log.js';
export {
  asTimestamp,
  param,
  quoteIdentifier,
  type RowColumns,
  type RowColumnType,
  rowColumnType,
  rowsParam,
  rowsSource,
  type SqlTarget,
  tableName,
} from './dml/sql-target.js';
export {
  databaseSchemaVersion,
  readSchemaVersion,
  type SchemaFacts,
  type SchemaQuery,
  schemaVersionError,
} from './migrations/database-schema-version.js';
export {
  migrationStatements,
  pendingMigrations,
  SCHEMA_MIGRATIONS,
  SCHEMA_VERSION,
  type SchemaMigration,
} from './migrations/schema-migrations.js';
export {
  recordedSchemaVersionSql,
  recordSchemaVersionSql,
  reviewDecisionColumnsSql,
  schemaTablesSql,
  schemaVersionTableStatements,
} from './migrations/schema-version-sql.js';
export { ddlStatements } from './render/ddl-statements.js';
export { escapeFormulaSql, unescapeFormulaSql } from './render/formula-cells-sql.js';
export {
  type RenderSqlOptions,
  renderSql,
  renderSqlStatements,
  type SqlDialect,
  SqlRenderError,
} from './render/render-sql.js';
