import { param, type SqlTarget, tableName } from '../dml/sql-target.js';
import { ddlStatements } from '../render/ddl-statements.js';

/**
 * DuckDB: this database's information_schema. Databricks: the metastore-wide
 * system.information_schema filtered by catalog (parameter `catalog`), which answers (with no
 * rows) before the catalog exists.
 */
const informationSchema = (target: SqlTarget, view: 'tables' | 'columns') =>
  target.dialect === 'duckdb'
    ? `information_schema.${view} WHERE table_catalog = current_database() AND`
    : `system.information_schema.${view} WHERE table_catalog = ${param(target, 'catalog')} AND`;

/** The em tables of gold and ops that exist (table_schema, table_name). */
export const schemaTablesSql = (target: SqlTarget): string =>
  `/* em:schema-tables */ SELECT table_schema, table_name FROM ${informationSchema(target, 'tables')} table_schema IN ('gold', 'ops')`;

/** The columns of gold.review_decisions (column_name), to date a database made before versions. */
export const reviewDecisionColumnsSql = (target: SqlTarget): string =>
  `/* em:schema-review-columns */ SELECT column_name FROM ${informationSchema(target, 'columns')} table_schema = 'gold' AND table_name = 'review_decisions'`;

/** The recorded version (NULL when ops.schema_version has no row). */
export const recordedSchemaVersionSql = (target: SqlTarget): string =>
  `/* em:schema-version */ SELECT MAX(version) AS version FROM ${tableName(target, 'ops.schema_version')}`;

/** Record that the database is at a version; parameters `version` and `name`. */
export const recordSchemaVersionSql = (target: SqlTarget): string =>
  `/* em:schema-version-record */ INSERT INTO ${tableName(target, 'ops.schema_version')} (version, name, applied_at)
   VALUES (CAST(${param(target, 'version')} AS INT), ${param(target, 'name')}, current_timestamp)`;

/** The DDL of ops.schema_version alone: what an older database needs before its migrations are recorded. */
export const schemaVersionTableStatements = (target: SqlTarget): string[] =>
  ddlStatements(target)
    .filter((s) => s.file === '060_ops_schema_version.sql')
    .map((s) => s.statement);
