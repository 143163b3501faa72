-- The reference master (S&P Capital IQ style), one row per ciq_id, as ingested.
-- market_cap is STRING, not the guide's DOUBLE: vendor files send size buckets
-- ("Small Cap", "Mega Cap") as often as numbers; cast where a number is needed.
-- content_hash (md5 of the data columns) lets a re-ingest leave unchanged rows untouched.
CREATE TABLE IF NOT EXISTS entity_matching.bronze.reference_entities (
  ciq_id STRING NOT NULL,
  company_name STRING NOT NULL,
  ticker STRING,
  lei STRING,
  cusip STRING,
  isin STRING,
  country STRING,
  industry STRING,
  sector STRING,
  market_cap STRING COMMENT 'Number or size bucket, as the vendor sent it',
  last_updated TIMESTAMP,
  ingestion_timestamp TIMESTAMP NOT NULL,
  content_hash STRING NOT NULL,
  source_file STRING,
  source_line BIGINT,
  CONSTRAINT pk_reference PRIMARY KEY (ciq_id)
) USING DELTA
TBLPROPERTIES (
  'delta.autoOptimize.optimizeWrite' = 'true',
  'delta.autoOptimize.autoCompact' = 'true'
);
