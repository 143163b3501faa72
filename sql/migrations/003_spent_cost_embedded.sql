-- engines: duckdb
-- Version 3 (embedded engine only): cost_usd is money spent. Local compute (identifier lookup,
-- retrieval, the pair model) costs nothing; LLM calls cost what the run's config priced them at
-- (prices.llmCall per call, llmPromptPerMillionTokens / llmCompletionPerMillionTokens per token;
-- the defaults when the run left no config). Before, embedded runs booked Databricks-style
-- prices for every stage. The usage columns are kept, so `em stats` can still project what the
-- same work would cost on Databricks. On Databricks cost_usd was already the services' price.
UPDATE entity_matching.gold.matched_entities
SET cost_usd = COALESCE(llm_calls, 0) * p.llm_call
  + COALESCE(llm_prompt_tokens, 0) / 1000000.0 * p.prompt_per_million
  + COALESCE(llm_completion_tokens, 0) / 1000000.0 * p.completion_per_million
FROM (
  SELECT m.source_id, m.source_system,
    COALESCE(TRY_CAST(json_extract_string(r.config, '$.prices.llmCall') AS DOUBLE), 0) AS llm_call,
    COALESCE(TRY_CAST(json_extract_string(r.config, '$.prices.llmPromptPerMillionTokens') AS DOUBLE), 0.5) AS prompt_per_million,
    COALESCE(TRY_CAST(json_extract_string(r.config, '$.prices.llmCompletionPerMillionTokens') AS DOUBLE), 1.5) AS completion_per_million
  FROM entity_matching.gold.matched_entities m
  LEFT JOIN entity_matching.ops.runs r ON r.run_id = m.run_id
) p
WHERE entity_matching.gold.matched_entities.source_id = p.source_id
  AND entity_matching.gold.matched_entities.source_system = p.source_system;
