-- em medallion layout, written once in Databricks SQL and rendered for DuckDB by
-- renderSqlStatements (packages/sql/src/render/render-sql.ts, @em/sql). `entity_matching` is the catalog
-- placeholder: renderSql replaces it with the target catalog (Databricks) or drops it (DuckDB).
--
-- Permissions are deployment-specific; run them by hand on Databricks, for example:
--   GRANT USE CATALOG ON CATALOG entity_matching TO `data-team`;
--   GRANT USE SCHEMA, SELECT ON SCHEMA entity_matching.gold TO `bi-users`;

CREATE CATALOG IF NOT EXISTS entity_matching;
USE CATALOG entity_matching;

CREATE SCHEMA IF NOT EXISTS entity_matching.bronze
  COMMENT 'Raw reference and source records, as ingested';

CREATE SCHEMA IF NOT EXISTS entity_matching.silver
  COMMENT 'Normalized names and check-digit-validated identifiers';

CREATE SCHEMA IF NOT EXISTS entity_matching.gold
  COMMENT 'Matched entities with CIQ IDs, quarantine, review decisions';

CREATE SCHEMA IF NOT EXISTS entity_matching.ops
  COMMENT 'Run log: ingests and matching runs';
