-- Views over gold. None of them sorts: order in the query that reads them.

-- Cases awaiting a human (the guide's view, without its ORDER BY).
CREATE OR REPLACE VIEW entity_matching.gold.review_queue AS
SELECT
  source_id,
  source_system,
  company_name,
  matched_ciq_id,
  matched_company_name,
  match_confidence,
  match_method,
  match_stage,
  reasoning,
  candidates,
  match_timestamp
FROM entity_matching.gold.matched_entities
WHERE needs_review = true;

-- Per day, method and stage: volume, confidence, latency, and how much was decided.
CREATE OR REPLACE VIEW entity_matching.gold.daily_stats AS
SELECT
  CAST(match_timestamp AS DATE) AS match_date,
  match_method,
  match_stage,
  COUNT(*) AS match_count,
  AVG(match_confidence) AS avg_confidence,
  AVG(processing_time_ms) AS avg_latency_ms,
  SUM(CASE WHEN auto_matched THEN 1 ELSE 0 END) AS auto_matched_count,
  SUM(CASE WHEN needs_review THEN 1 ELSE 0 END) AS review_count
FROM entity_matching.gold.matched_entities
GROUP BY CAST(match_timestamp AS DATE), match_method, match_stage;

-- Per day: what was spent, from the cost recorded on each row (not a fixed price per method).
-- cost_usd is money spent: zero for local compute, the configured price for paid LLM calls;
-- what a run would cost on Databricks is a projection (`em stats`, em-eval), not stored here.
-- Per-method columns use @em/core's MATCH_METHODS (neutral names since schema version 2).
CREATE OR REPLACE VIEW entity_matching.gold.cost_analysis AS
SELECT
  CAST(match_timestamp AS DATE) AS match_date,
  COUNT(*) AS total_entities,
  SUM(CASE WHEN match_method = 'exact_identifier' THEN cost_usd ELSE 0 END) AS exact_identifier_cost,
  SUM(CASE WHEN match_method = 'retrieval' THEN cost_usd ELSE 0 END) AS retrieval_cost,
  SUM(CASE WHEN match_method = 'pair_model' THEN cost_usd ELSE 0 END) AS pair_model_cost,
  SUM(CASE WHEN match_method = 'llm' THEN cost_usd ELSE 0 END) AS llm_cost,
  SUM(CASE WHEN match_method NOT IN ('exact_identifier', 'retrieval', 'pair_model', 'llm') THEN cost_usd ELSE 0 END) AS other_cost,
  SUM(cost_usd) AS total_cost,
  SUM(cost_usd) / COUNT(*) AS cost_per_entity,
  SUM(llm_calls) AS llm_calls,
  SUM(llm_prompt_tokens) AS llm_prompt_tokens,
  SUM(llm_completion_tokens) AS llm_completion_tokens
FROM entity_matching.gold.matched_entities
GROUP BY CAST(match_timestamp AS DATE);
