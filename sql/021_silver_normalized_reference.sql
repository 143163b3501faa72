-- Normalized reference records, the same treatment as silver.normalized_entities.
-- The exact-match stage joins on the validated identifiers here; the retrieval index
-- is built from normalized_name / base_name / search_text.
CREATE TABLE IF NOT EXISTS entity_matching.silver.normalized_reference (
  ciq_id STRING NOT NULL,
  normalized_name STRING NOT NULL,
  base_name STRING NOT NULL,
  legal_form STRING,
  original_name STRING NOT NULL,
  ticker STRING,
  lei STRING,
  cusip STRING,
  isin STRING,
  lei_raw STRING,
  cusip_raw STRING,
  isin_raw STRING,
  identifier_notes STRING,
  country STRING,
  industry STRING,
  sector STRING,
  search_text STRING NOT NULL,
  content_hash STRING NOT NULL,
  processing_timestamp TIMESTAMP,
  CONSTRAINT pk_normalized_reference PRIMARY KEY (ciq_id)
) USING DELTA;
