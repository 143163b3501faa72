-- The schema version of this database: one row per migration applied (sql/migrations/), or one
-- row for the version `em init` created it at. The database is at MAX(version). Opening an older
-- database applies the missing migrations in order (a read-only open refuses and names
-- `em migrate`); a database newer than the running em is refused.
CREATE TABLE IF NOT EXISTS entity_matching.ops.schema_version (
  version INT NOT NULL,
  name STRING NOT NULL,
  applied_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_schema_version PRIMARY KEY (version)
) USING DELTA;
