-- Every input row that was not loaded, with where it came from and why.
-- entity_kind: reference | source. run_id: the ingest (ops.runs) that rejected it.
-- raw_record: the row as read (a JSON object of its fields, or the raw line when it could
-- not be parsed), cut to 8,192 characters with a note when longer.
CREATE TABLE IF NOT EXISTS entity_matching.gold.quarantine (
  quarantine_id STRING NOT NULL,
  run_id STRING NOT NULL,
  entity_kind STRING NOT NULL,
  source_file STRING,
  source_line BIGINT,
  raw_record STRING,
  reason STRING NOT NULL,
  quarantined_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_quarantine PRIMARY KEY (quarantine_id)
) USING DELTA;
