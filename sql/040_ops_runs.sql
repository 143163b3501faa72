-- One row per ingest or matching run. A run that crashed stays 'running' until the next
-- run marks it 'failed'. rows_processed grows with each committed batch, in the same
-- transaction as the batch's gold rows. watermark: the newest bronze ingestion_timestamp
-- the run saw. config: the run's cascade config (or ingest options) as JSON.
CREATE TABLE IF NOT EXISTS entity_matching.ops.runs (
  run_id STRING NOT NULL,
  kind STRING NOT NULL COMMENT 'ingest | match',
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  status STRING NOT NULL COMMENT 'running | succeeded | failed',
  rows_read LONG,
  rows_loaded LONG,
  rows_quarantined LONG,
  rows_processed LONG,
  watermark TIMESTAMP,
  config STRING,
  message STRING,
  CONSTRAINT pk_runs PRIMARY KEY (run_id)
) USING DELTA;
