-- Normalized source records: normalizeCompanyName (@em/core) output, identifiers validated
-- by check digit (NULL when invalid, the raw value kept beside it, the reason in
-- identifier_notes), and the text retrieval searches.
CREATE TABLE IF NOT EXISTS entity_matching.silver.normalized_entities (
  source_id STRING NOT NULL,
  source_system STRING NOT NULL,
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
  search_text STRING NOT NULL COMMENT 'For candidate retrieval',
  content_hash STRING NOT NULL,
  processing_timestamp TIMESTAMP,
  CONSTRAINT pk_normalized_entities PRIMARY KEY (source_id, source_system)
) USING DELTA;
