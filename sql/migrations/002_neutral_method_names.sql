-- Version 2: match_method names say what decided, not which vendor's product did
-- (@em/core's MATCH_METHODS): exact_match → exact_identifier, vector_search → retrieval,
-- ditto_matcher → pair_model (the local GBDT wrote it too), foundation_model → llm (any
-- OpenAI-compatible endpoint wrote it too). human_review and no_match keep their names.
-- Decisions (matched ids, confidences, review flags) are untouched.
UPDATE entity_matching.gold.matched_entities
SET match_method = CASE match_method
  WHEN 'exact_match' THEN 'exact_identifier'
  WHEN 'vector_search' THEN 'retrieval'
  WHEN 'ditto_matcher' THEN 'pair_model'
  WHEN 'foundation_model' THEN 'llm'
END
WHERE match_method IN ('exact_match', 'vector_search', 'ditto_matcher', 'foundation_model');

UPDATE entity_matching.gold.review_decisions
SET before_method = CASE before_method
  WHEN 'exact_match' THEN 'exact_identifier'
  WHEN 'vector_search' THEN 'retrieval'
  WHEN 'ditto_matcher' THEN 'pair_model'
  WHEN 'foundation_model' THEN 'llm'
END
WHERE before_method IN ('exact_match', 'vector_search', 'ditto_matcher', 'foundation_model');

-- before_row is the whole gold row as JSON (undo restores it), so its match_method is renamed too.
UPDATE entity_matching.gold.review_decisions
SET before_row = regexp_replace(
  regexp_replace(
    regexp_replace(
      regexp_replace(before_row, '"match_method":[ ]*"exact_match"', '"match_method":"exact_identifier"'),
      '"match_method":[ ]*"vector_search"', '"match_method":"retrieval"'),
    '"match_method":[ ]*"ditto_matcher"', '"match_method":"pair_model"'),
  '"match_method":[ ]*"foundation_model"', '"match_method":"llm"')
WHERE before_row LIKE '%"match_method":%';
