-- Source records (CRM, vendor feeds), keyed by (source_id, source_system), as ingested.
-- Identifiers are kept exactly as sent; silver holds the validated ones.
-- ingestion_timestamp changes only when the record's content_hash changes, so it is the
-- watermark incremental runs read from.
CREATE TABLE IF NOT EXISTS entity_matching.bronze.source_entities (
  source_id STRING NOT NULL,
  source_system STRING NOT NULL,
  company_name STRING NOT NULL,
  ticker STRING,
  lei STRING,
  cusip STRING,
  isin STRING,
  country STRING,
  industry STRING,
  ingestion_timestamp TIMESTAMP NOT NULL,
  content_hash STRING NOT NULL,
  source_file STRING,
  source_line BIGINT,
  CONSTRAINT pk_source PRIMARY KEY (source_id, source_system)
) USING DELTA
PARTITIONED BY (source_system)
TBLPROPERTIES (
  'delta.autoOptimize.optimizeWrite' = 'true',
  'delta.autoOptimize.autoCompact' = 'true'
);
