-- One row per source record: the cascade's decision, its evidence and what it cost.
-- Differences from the guide:
--   * needs_review / auto_matched compare with auto_match_threshold, recorded per row from
--     the run's config (the guide hard-codes 0.90), and are false for human decisions
--     (a reviewer's "no match" is confidence 0.0 but needs no further review).
--   * candidates: the scored candidates as a JSON array string.
--   * usage columns and cost_usd: what this entity consumed and what that cost in money: zero
--     for local compute (the embedded engine), the configured prices for paid calls (an LLM
--     endpoint; Databricks services). gold.cost_analysis sums cost_usd instead of a fixed price
--     per method; a Databricks projection is computed from the usage columns (`em stats`).
--   * match_method names are @em/core's MATCH_METHODS (neutral since schema version 2).
--   * run_id / content_hash: the run that wrote the row and the source version it decided,
--     so incremental runs skip unchanged sources.
CREATE TABLE IF NOT EXISTS entity_matching.gold.matched_entities (
  source_id STRING NOT NULL,
  source_system STRING NOT NULL,
  company_name STRING,

  -- Match results
  matched_ciq_id STRING,
  match_confidence DOUBLE NOT NULL,
  match_method STRING NOT NULL COMMENT 'exact_identifier, retrieval, pair_model, llm, human_review, no_match',
  match_stage STRING,
  reasoning STRING,

  -- Metadata
  matched_company_name STRING,
  match_timestamp TIMESTAMP,
  processing_time_ms LONG,
  model_version STRING,

  -- Review flags
  auto_match_threshold DOUBLE NOT NULL,
  needs_review BOOLEAN GENERATED ALWAYS AS (match_method <> 'human_review' AND match_confidence < auto_match_threshold),
  auto_matched BOOLEAN GENERATED ALWAYS AS (match_method <> 'human_review' AND match_confidence >= auto_match_threshold),

  -- Evidence and recorded usage
  candidates STRING COMMENT 'JSON array of scored candidates, best first',
  reference_lookups LONG,
  retrieval_queries LONG,
  pairs_scored LONG,
  llm_calls LONG,
  llm_prompt_tokens LONG,
  llm_completion_tokens LONG,
  compute_ms DOUBLE,
  cost_usd DOUBLE NOT NULL,

  -- Lineage
  run_id STRING,
  content_hash STRING,

  CONSTRAINT pk_matched PRIMARY KEY (source_id, source_system)
) USING DELTA
TBLPROPERTIES (
  'delta.autoOptimize.optimizeWrite' = 'true',
  'delta.enableChangeDataFeed' = 'true'
);
