-- run_fail_stale
UPDATE main.ops.runs SET status = 'failed', finished_at = current_timestamp,
  message = 'Interrupted: a later run found it still running'
WHERE kind = 'match' AND status = 'running' AND run_id <> :run_id;

-- run_start
INSERT INTO main.ops.runs (run_id, kind, started_at, status, config, message)
VALUES (:run_id, 'match', current_timestamp, 'running', '{"autoMatchThreshold":0.9,"pairAcceptThreshold":0.8,"pairMargin":0.1,"topK":10,"batchSize":256,"identifierTrust":{"minNameSimilarity":0.5},"llm":{"enabled":true,"minPairScore":0.1,"maxPairScore":0.8,"baseUrl":null,"model":null,"maxConcurrency":4,"timeoutMs":60000,"maxCompletionTokens":512,"temperature":0,"circuitBreakerFailures":5,"budget":{"maxUsd":5}},"prices":{"referenceLookup":0,"retrievalQuery":0.0001,"pairScored":0.0001,"llmCall":0,"llmPromptPerMillionTokens":0.5,"llmCompletionPerMillionTokens":1.5,"computePerHour":0}}', 'set-based cascade on the SQL warehouse');

-- pending
CREATE OR REPLACE TABLE main.ops.cascade_pending AS
SELECT s.source_system, s.source_id, s.original_name AS company_name, s.search_text,
  s.lei, s.isin, s.cusip, s.ticker, s.lei_raw, s.isin_raw, s.cusip_raw, s.country, s.industry,
  s.identifier_notes, s.content_hash
FROM main.silver.normalized_entities s
LEFT JOIN main.gold.matched_entities g ON g.source_system = s.source_system AND g.source_id = s.source_id
WHERE (g.match_method IS NULL OR g.match_method <> 'human_review') AND (g.content_hash IS NULL OR g.content_hash <> s.content_hash);

-- identifier_hits
CREATE OR REPLACE TABLE main.ops.cascade_identifier_hits AS
SELECT p.source_system, p.source_id, p.company_name AS source_name, 'lei' AS scheme, 0 AS scheme_order, r.ciq_id, r.original_name AS reference_name
FROM main.ops.cascade_pending p JOIN main.silver.normalized_reference r ON r.lei = p.lei
WHERE p.lei IS NOT NULL
UNION
SELECT p.source_system, p.source_id, p.company_name AS source_name, 'isin' AS scheme, 1 AS scheme_order, r.ciq_id, r.original_name AS reference_name
FROM main.ops.cascade_pending p JOIN main.silver.normalized_reference r ON r.isin = p.isin
WHERE p.isin IS NOT NULL
UNION
SELECT p.source_system, p.source_id, p.company_name AS source_name, 'cusip' AS scheme, 2 AS scheme_order, r.ciq_id, r.original_name AS reference_name
FROM main.ops.cascade_pending p JOIN main.silver.normalized_reference r ON r.cusip = p.cusip
WHERE p.cusip IS NOT NULL;

-- identifier_routes
CREATE OR REPLACE TABLE main.ops.cascade_identifier_routes AS
WITH entities AS (
  SELECT source_system, source_id, ciq_id, MIN(source_name) AS source_name, MIN(reference_name) AS reference_name,
    MIN(scheme_order) AS first_scheme, MAX(CASE WHEN scheme = 'lei' THEN 1 ELSE 0 END) AS has_lei, MAX(CASE WHEN scheme = 'isin' THEN 1 ELSE 0 END) AS has_isin, MAX(CASE WHEN scheme = 'cusip' THEN 1 ELSE 0 END) AS has_cusip
  FROM main.ops.cascade_identifier_hits
  GROUP BY source_system, source_id, ciq_id
), counted AS (
  SELECT e.*,
    COUNT(*) OVER (PARTITION BY source_system, source_id) AS entity_count,
    ROW_NUMBER() OVER (PARTITION BY source_system, source_id ORDER BY first_scheme ASC, ciq_id ASC) - 1 AS hit_order
  FROM entities e
)
SELECT c.*, s.name_similarity,
  CASE WHEN c.entity_count >= 2 THEN 'conflict'
       WHEN s.name_similarity >= CAST('0.5' AS DOUBLE) THEN 'exact'
       ELSE 'untrusted' END AS route,
  concat_ws(' + ', CASE WHEN c.has_lei = 1 THEN 'LEI' END, CASE WHEN c.has_isin = 1 THEN 'ISIN' END, CASE WHEN c.has_cusip = 1 THEN 'CUSIP' END) AS schemes
FROM counted c
LEFT JOIN main.silver.name_pair_similarity s ON s.source_name = c.source_name AND s.reference_name = c.reference_name;

-- retrieved
CREATE OR REPLACE TABLE main.ops.cascade_retrieved AS
WITH asked AS (
  SELECT p.source_system, p.source_id, p.search_text FROM main.ops.cascade_pending p
  WHERE NOT EXISTS (SELECT 1 FROM main.ops.cascade_identifier_routes r WHERE r.source_system = p.source_system AND r.source_id = p.source_id AND r.route = 'exact')
), found AS (
  SELECT a.source_system, a.source_id, v.ciq_id, CAST(v.search_score AS DOUBLE) AS score
  FROM asked a,
  LATERAL (SELECT * FROM vector_search(index => 'main.silver.reference_index', query_text => a.search_text, num_results => 10)) v
), best AS (
  SELECT source_system, source_id, ciq_id, MAX(CASE WHEN isnan(score) THEN 0 ELSE score END) AS score
  FROM found GROUP BY source_system, source_id, ciq_id
)
SELECT b.*, ROW_NUMBER() OVER (PARTITION BY source_system, source_id ORDER BY score DESC NULLS LAST, ciq_id ASC) - 1 AS rank
FROM best b;

-- candidates
CREATE OR REPLACE TABLE main.ops.cascade_candidates AS
WITH retrieved AS (
  SELECT source_system, source_id, ciq_id, score, rank FROM main.ops.cascade_retrieved WHERE rank < 10
), stats AS (
  SELECT source_system, source_id, COUNT(*) AS n, MIN(score) AS lowest FROM retrieved GROUP BY source_system, source_id
), extra AS (
  SELECT h.source_system, h.source_id, h.ciq_id,
    ROW_NUMBER() OVER (PARTITION BY h.source_system, h.source_id ORDER BY h.hit_order ASC) - 1 AS extra_order
  FROM main.ops.cascade_identifier_routes h
  WHERE h.route <> 'exact' AND NOT EXISTS (SELECT 1 FROM retrieved r WHERE r.source_system = h.source_system AND r.source_id = h.source_id AND r.ciq_id = h.ciq_id)
)
SELECT source_system, source_id, ciq_id, score, rank, 'retrieval' AS channel FROM retrieved
UNION ALL
SELECT e.source_system, e.source_id, e.ciq_id, COALESCE(s.lowest, CAST(0 AS DOUBLE)) AS score, COALESCE(s.n, 0) + e.extra_order AS rank, 'identifier' AS channel
FROM extra e LEFT JOIN stats s ON s.source_system = e.source_system AND s.source_id = e.source_id;

-- pair_scores
CREATE OR REPLACE TABLE main.ops.cascade_pair_scores AS
SELECT x.*, CAST(ai_query('ditto-matcher', named_struct('left', x.left_text, 'right', x.right_text)) AS DOUBLE) AS raw_score
FROM (
  SELECT c.*, concat('COL company_name VAL ', translate(COALESCE(CAST(p.company_name AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL ticker VAL ', translate(COALESCE(CAST(p.ticker AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL country VAL ', translate(COALESCE(CAST(p.country AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL industry VAL ', translate(COALESCE(CAST(p.industry AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL lei VAL ', translate(COALESCE(CAST(p.lei_raw AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL isin VAL ', translate(COALESCE(CAST(p.isin_raw AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL cusip VAL ', translate(COALESCE(CAST(p.cusip_raw AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ') AS left_text,
    concat('COL company_name VAL ', translate(COALESCE(CAST(r.original_name AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL ticker VAL ', translate(COALESCE(CAST(r.ticker AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL country VAL ', translate(COALESCE(CAST(r.country AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL industry VAL ', translate(COALESCE(CAST(r.industry AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL lei VAL ', translate(COALESCE(CAST(r.lei_raw AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL isin VAL ', translate(COALESCE(CAST(r.isin_raw AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ', 'COL cusip VAL ', translate(COALESCE(CAST(r.cusip_raw AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   '), ' ') AS right_text
  FROM main.ops.cascade_candidates c
  JOIN main.ops.cascade_pending p ON p.source_system = c.source_system AND p.source_id = c.source_id
  JOIN main.silver.normalized_reference r ON r.ciq_id = c.ciq_id
) x;

-- ranked_candidates
CREATE OR REPLACE TABLE main.ops.cascade_ranked_candidates AS
WITH scored AS (
  SELECT source_system, source_id, ciq_id, rank, score, channel, raw_score,
    CASE WHEN raw_score IS NULL OR isnan(raw_score) THEN CAST('0' AS DOUBLE)
         WHEN raw_score < CAST('0' AS DOUBLE) THEN CAST('0' AS DOUBLE)
         WHEN raw_score > CAST('1' AS DOUBLE) THEN CAST('1' AS DOUBLE)
         ELSE raw_score END AS pair_score
  FROM main.ops.cascade_pair_scores
)
SELECT s.*, ROW_NUMBER() OVER (PARTITION BY source_system, source_id ORDER BY pair_score DESC, rank ASC) AS pair_rank
FROM scored s;

-- pair_decisions
CREATE OR REPLACE TABLE main.ops.cascade_pair_decisions AS
WITH top2 AS (
  SELECT source_system, source_id, COUNT(*) AS candidate_count,
    MAX(CASE WHEN pair_rank = 1 THEN ciq_id END) AS top_ciq_id,
    MAX(CASE WHEN pair_rank = 2 THEN ciq_id END) AS second_ciq_id,
    MAX(CASE WHEN pair_rank = 1 THEN pair_score END) AS p1,
    COALESCE(MAX(CASE WHEN pair_rank = 2 THEN pair_score END), CAST('0' AS DOUBLE)) AS p2
  FROM main.ops.cascade_ranked_candidates GROUP BY source_system, source_id
), verdicts AS (
  SELECT t.*,
    CASE WHEN p1 >= CAST('0.8' AS DOUBLE) AND p1 - p2 >= CAST('0.099999999' AS DOUBLE) THEN 'accept'
         WHEN p1 >= CAST('0.8' AS DOUBLE) THEN 'margin'
         WHEN p1 >= CAST('0.5' AS DOUBLE) THEN 'tentative'
         ELSE 'none' END AS verdict
  FROM top2 t
)
SELECT v.*,
  CASE WHEN verdict = 'none' THEN NULL ELSE top_ciq_id END AS pair_matched_ciq_id,
  CASE WHEN verdict = 'none' THEN 'no_match' ELSE 'pair_model' END AS pair_method,
  CASE WHEN verdict = 'accept' THEN p1 WHEN verdict = 'none' THEN CAST('1' AS DOUBLE) - p1 ELSE LEAST(p1, CAST('0.89' AS DOUBLE)) END AS pair_confidence,
  CASE WHEN verdict = 'accept' THEN printf('Pair model matched %s at %.2f', top_ciq_id, p1)
       WHEN verdict = 'margin' THEN printf('Pair model undecided: %s at %.2f vs %s at %.2f (margin < %.2f); tentative match to the top candidate, sent to review', top_ciq_id, p1, COALESCE(second_ciq_id, 'no runner-up'), p2, CAST('0.1' AS DOUBLE))
       WHEN verdict = 'tentative' THEN printf('Pair model leans to %s at %.2f (below accept %.2f); tentative match, sent to review', top_ciq_id, p1, CAST('0.8' AS DOUBLE))
       ELSE printf('No match: best candidate %s scored %.2f', top_ciq_id, p1) END AS pair_reasoning,
  verdict <> 'accept' AND ((p1 >= CAST('0.1' AS DOUBLE) AND p1 < CAST('0.8' AS DOUBLE)) OR (verdict = 'margin' AND p1 >= CAST('0.1' AS DOUBLE))) AS routed_to_llm,
  'Stage 3: Pair Model' AS pair_stage
FROM verdicts v;

-- llm_replies
CREATE OR REPLACE TABLE main.ops.cascade_llm_replies AS
WITH prompts AS (
  SELECT p.source_system, p.source_id, concat('You decide whether a company record from a source system is the same legal entity as one of a few candidate companies from a reference master. Weigh the evidence: identifiers (LEI, ISIN, CUSIP, ticker) that agree are strong evidence; identifiers that disagree are strong evidence against; names may differ in legal form, abbreviation, language or punctuation; country and industry should agree. A parent, subsidiary, fund or namesake is NOT the same entity. The scores come from earlier automated stages (retrieval similarity and a pair model probability) and can be wrong. Reply with only a JSON object: {"choice": <a candidate id exactly as written in brackets, or "none">, "confidence": <your probability, 0 to 1, that the choice is right>, "reasoning": <one or two sentences>}.', chr(10), chr(10),
    'Source record (', p.source_system, '/', p.source_id, '): ', MIN(concat_ws(' ', CASE WHEN p.company_name IS NULL OR trim(CAST(p.company_name AS STRING)) = '' THEN NULL ELSE concat('name="', replace(trim(CAST(p.company_name AS STRING)), '"', chr(39)), '"') END, CASE WHEN p.ticker IS NULL OR trim(CAST(p.ticker AS STRING)) = '' THEN NULL ELSE concat('ticker="', replace(trim(CAST(p.ticker AS STRING)), '"', chr(39)), '"') END, CASE WHEN p.lei_raw IS NULL OR trim(CAST(p.lei_raw AS STRING)) = '' THEN NULL ELSE concat('lei="', replace(trim(CAST(p.lei_raw AS STRING)), '"', chr(39)), '"') END, CASE WHEN p.isin_raw IS NULL OR trim(CAST(p.isin_raw AS STRING)) = '' THEN NULL ELSE concat('isin="', replace(trim(CAST(p.isin_raw AS STRING)), '"', chr(39)), '"') END, CASE WHEN p.cusip_raw IS NULL OR trim(CAST(p.cusip_raw AS STRING)) = '' THEN NULL ELSE concat('cusip="', replace(trim(CAST(p.cusip_raw AS STRING)), '"', chr(39)), '"') END, CASE WHEN p.country IS NULL OR trim(CAST(p.country AS STRING)) = '' THEN NULL ELSE concat('country="', replace(trim(CAST(p.country AS STRING)), '"', chr(39)), '"') END, CASE WHEN p.industry IS NULL OR trim(CAST(p.industry AS STRING)) = '' THEN NULL ELSE concat('industry="', replace(trim(CAST(p.industry AS STRING)), '"', chr(39)), '"') END)), chr(10),
    'Candidates (', CAST(COUNT(*) AS STRING), ', best first; retrieval = name similarity, pair = pair-model probability of a match):', chr(10),
    array_join(transform(array_sort(collect_list(named_struct('o', c.pair_rank, 'v', concat('[', r.ciq_id, '] ', concat_ws(' ', CASE WHEN r.original_name IS NULL OR trim(CAST(r.original_name AS STRING)) = '' THEN NULL ELSE concat('name="', replace(trim(CAST(r.original_name AS STRING)), '"', chr(39)), '"') END, CASE WHEN r.ticker IS NULL OR trim(CAST(r.ticker AS STRING)) = '' THEN NULL ELSE concat('ticker="', replace(trim(CAST(r.ticker AS STRING)), '"', chr(39)), '"') END, CASE WHEN r.lei_raw IS NULL OR trim(CAST(r.lei_raw AS STRING)) = '' THEN NULL ELSE concat('lei="', replace(trim(CAST(r.lei_raw AS STRING)), '"', chr(39)), '"') END, CASE WHEN r.isin_raw IS NULL OR trim(CAST(r.isin_raw AS STRING)) = '' THEN NULL ELSE concat('isin="', replace(trim(CAST(r.isin_raw AS STRING)), '"', chr(39)), '"') END, CASE WHEN r.cusip_raw IS NULL OR trim(CAST(r.cusip_raw AS STRING)) = '' THEN NULL ELSE concat('cusip="', replace(trim(CAST(r.cusip_raw AS STRING)), '"', chr(39)), '"') END, CASE WHEN r.country IS NULL OR trim(CAST(r.country AS STRING)) = '' THEN NULL ELSE concat('country="', replace(trim(CAST(r.country AS STRING)), '"', chr(39)), '"') END, CASE WHEN r.industry IS NULL OR trim(CAST(r.industry AS STRING)) = '' THEN NULL ELSE concat('industry="', replace(trim(CAST(r.industry AS STRING)), '"', chr(39)), '"') END, CASE WHEN r.sector IS NULL OR trim(CAST(r.sector AS STRING)) = '' THEN NULL ELSE concat('sector="', replace(trim(CAST(r.sector AS STRING)), '"', chr(39)), '"') END), printf(' retrieval=%.3f pair=%.3f', c.score, c.pair_score))))), x -> x.v), chr(10)), chr(10),
    'Which candidate is the same company as the source record? Answer "none" if none is.') AS prompt
  FROM main.ops.cascade_pair_decisions d
  JOIN main.ops.cascade_pending p ON p.source_system = d.source_system AND p.source_id = d.source_id
  JOIN main.ops.cascade_ranked_candidates c ON c.source_system = d.source_system AND c.source_id = d.source_id
  JOIN main.silver.normalized_reference r ON r.ciq_id = c.ciq_id
  WHERE d.routed_to_llm
  GROUP BY p.source_system, p.source_id
), estimated AS (
  SELECT x.*, CAST(CEIL(length(prompt) / CAST('4' AS DOUBLE)) AS BIGINT) AS est_prompt_tokens FROM prompts x
), budgeted AS (
  SELECT e.*,
    COALESCE(SUM(est_prompt_tokens + 512) OVER (ORDER BY source_system ASC NULLS LAST, source_id ASC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS tokens_before,
    COALESCE(SUM((CAST('0' AS DOUBLE) + est_prompt_tokens / CAST('1000000' AS DOUBLE) * CAST('0.5' AS DOUBLE) + 512 / CAST('1000000' AS DOUBLE) * CAST('1.5' AS DOUBLE))) OVER (ORDER BY source_system ASC NULLS LAST, source_id ASC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS usd_before
  FROM estimated e
), answered AS (
  SELECT b.*, ai_query('databricks-meta-llama-3-3-70b-instruct', prompt,
    responseFormat => '{"type":"json_schema","json_schema":{"name":"entity_match_adjudication","schema":{"type":"object","properties":{"choice":{"type":"string"},"confidence":{"type":"number"},"reasoning":{"type":"string"}},"required":["choice","confidence","reasoning"],"additionalProperties":false},"strict":true}}',
    modelParameters => named_struct('max_tokens', 512, 'temperature', CAST('0' AS DOUBLE)),
    failOnError => false) AS reply FROM budgeted b WHERE usd_before < CAST('5' AS DOUBLE)
)
SELECT source_system, source_id, true AS called, reply.result AS reply_text, reply.errorMessage AS reply_error, est_prompt_tokens,
  CAST(CEIL(length(COALESCE(reply.result, '')) / CAST('4' AS DOUBLE)) AS BIGINT) AS est_completion_tokens
FROM answered
UNION ALL
SELECT source_system, source_id, false AS called, CAST(NULL AS STRING) AS reply_text,
  printf('LLM budget exhausted (about %d tokens, USD %.4f estimated before this case)', tokens_before, usd_before) AS reply_error,
  CAST(0 AS BIGINT) AS est_prompt_tokens, CAST(0 AS BIGINT) AS est_completion_tokens
FROM budgeted WHERE NOT (usd_before < CAST('5' AS DOUBLE));

-- llm_answers
CREATE OR REPLACE TABLE main.ops.cascade_llm_answers AS
WITH bodies AS (
  SELECT r.*, CASE WHEN instr(reply_text, '```') > 0 AND regexp_extract(reply_text, concat('```[a-zA-Z]*', chr(92), 's*([', chr(92), 's', chr(92), 'S]*?)```'), 1) <> '' THEN regexp_extract(reply_text, concat('```[a-zA-Z]*', chr(92), 's*([', chr(92), 's', chr(92), 'S]*?)```'), 1) ELSE reply_text END AS body FROM main.ops.cascade_llm_replies r
), braces AS (
  SELECT b.*, instr(body, '{') AS first_brace, instr(reverse(body), '}') AS last_brace_from_end FROM bodies b
), extracted AS (
  SELECT b.*,
    CASE WHEN first_brace > 0 AND last_brace_from_end > 0 AND length(body) - last_brace_from_end + 1 > first_brace
      THEN substr(body, first_brace, length(body) - last_brace_from_end + 2 - first_brace) END AS json_text
  FROM braces b
), objects AS (
  SELECT e.*,
    CASE WHEN json_text IS NULL THEN NULL
         WHEN coalesce(schema_of_variant(try_parse_json(json_text)) LIKE 'OBJECT%', false) THEN json_text
         WHEN coalesce(schema_of_variant(try_parse_json(regexp_replace(json_text, concat(',', chr(92), 's*([}', chr(92), ']])'), '$1'))) LIKE 'OBJECT%', false) THEN regexp_replace(json_text, concat(',', chr(92), 's*([}', chr(92), ']])'), '$1') END AS reply_json
  FROM extracted e
), typed AS (
  SELECT o.*,
    CASE WHEN reply_json IS NULL THEN NULL ELSE CASE WHEN schema_of_variant(try_parse_json(reply_json):choice) IS NULL THEN 'missing' WHEN schema_of_variant(try_parse_json(reply_json):choice) = 'VOID' THEN 'null' WHEN schema_of_variant(try_parse_json(reply_json):choice) = 'STRING' THEN 'string' WHEN schema_of_variant(try_parse_json(reply_json):choice) IN ('BIGINT', 'DOUBLE', 'FLOAT') OR schema_of_variant(try_parse_json(reply_json):choice) LIKE 'DECIMAL%' THEN 'number' ELSE 'other' END END AS choice_type,
    CASE WHEN reply_json IS NULL THEN NULL ELSE CAST(try_parse_json(reply_json):choice AS STRING) END AS choice_text,
    CASE WHEN reply_json IS NULL THEN NULL ELSE CASE WHEN schema_of_variant(try_parse_json(reply_json):confidence) IS NULL THEN 'missing' WHEN schema_of_variant(try_parse_json(reply_json):confidence) = 'VOID' THEN 'null' WHEN schema_of_variant(try_parse_json(reply_json):confidence) = 'STRING' THEN 'string' WHEN schema_of_variant(try_parse_json(reply_json):confidence) IN ('BIGINT', 'DOUBLE', 'FLOAT') OR schema_of_variant(try_parse_json(reply_json):confidence) LIKE 'DECIMAL%' THEN 'number' ELSE 'other' END END AS confidence_type,
    CASE WHEN reply_json IS NULL THEN NULL ELSE CAST(try_parse_json(reply_json):confidence AS STRING) END AS confidence_text,
    CASE WHEN reply_json IS NULL THEN NULL ELSE CASE WHEN schema_of_variant(try_parse_json(reply_json):reasoning) IS NULL THEN 'missing' WHEN schema_of_variant(try_parse_json(reply_json):reasoning) = 'VOID' THEN 'null' WHEN schema_of_variant(try_parse_json(reply_json):reasoning) = 'STRING' THEN 'string' WHEN schema_of_variant(try_parse_json(reply_json):reasoning) IN ('BIGINT', 'DOUBLE', 'FLOAT') OR schema_of_variant(try_parse_json(reply_json):reasoning) LIKE 'DECIMAL%' THEN 'number' ELSE 'other' END END AS reasoning_type,
    CASE WHEN reply_json IS NULL THEN NULL ELSE CAST(try_parse_json(reply_json):reasoning AS STRING) END AS reasoning_text
  FROM objects o
), stated AS (
  SELECT t.*, CASE WHEN confidence_type = 'number' THEN try_cast(confidence_text AS DOUBLE)
      WHEN confidence_type = 'string' AND trim(confidence_text) <> '' THEN try_cast(trim(confidence_text) AS DOUBLE) END AS stated_raw, trim(CASE WHEN trim(choice_text) LIKE '[%]' THEN substr(trim(choice_text), 2, length(trim(choice_text)) - 2) ELSE choice_text END) AS said FROM typed t
), probable AS (
  SELECT s.*,
    CASE WHEN stated_raw IS NULL OR isnan(stated_raw) OR stated_raw < CAST('0' AS DOUBLE) OR stated_raw > CAST('100' AS DOUBLE) THEN NULL
         WHEN stated_raw <= CAST('1' AS DOUBLE) THEN stated_raw ELSE stated_raw / CAST('100' AS DOUBLE) END AS stated_confidence
  FROM stated s
), resolved AS (
  SELECT p.*,
    (SELECT MIN(c.ciq_id) FROM main.ops.cascade_ranked_candidates c WHERE c.source_system = p.source_system AND c.source_id = p.source_id AND c.ciq_id = p.said) AS exact_choice,
    (SELECT MIN(c.ciq_id) FROM main.ops.cascade_ranked_candidates c WHERE c.source_system = p.source_system AND c.source_id = p.source_id AND lower(c.ciq_id) = lower(p.said)) AS folded_choice,
    (SELECT COUNT(*) FROM main.ops.cascade_ranked_candidates c WHERE c.source_system = p.source_system AND c.source_id = p.source_id AND lower(c.ciq_id) = lower(p.said)) AS folded_count
  FROM probable p
), judged AS (
  SELECT r.*,
    CASE WHEN reply_error IS NOT NULL THEN concat('endpoint error: ', reply_error)
         WHEN reply_text IS NULL OR trim(reply_text) = '' THEN 'empty reply'
         WHEN reply_json IS NULL THEN 'reply is not a JSON object'
         WHEN choice_type NOT IN ('string', 'null') THEN 'reply JSON lacks a valid choice'
         WHEN confidence_type NOT IN ('string', 'number') OR (confidence_type = 'number' AND stated_raw IS NULL) OR (confidence_type = 'string' AND stated_raw IS NULL) THEN 'reply JSON lacks a valid confidence'
         WHEN reasoning_type NOT IN ('string', 'null', 'missing') THEN 'reply JSON lacks a valid reasoning'
         WHEN stated_confidence IS NULL THEN printf('confidence %s is not in [0, 1]', confidence_text)
         WHEN choice_type = 'null' OR lower(said) IN ('none', 'null', 'no match', 'no_match', 'none of these', 'none of the above') THEN NULL
         WHEN exact_choice IS NULL AND folded_count <> 1 THEN printf('model chose "%s", which is not among the candidates', said)
         END AS failure,
    CASE WHEN choice_type = 'null' OR lower(said) IN ('none', 'null', 'no match', 'no_match', 'none of these', 'none of the above') THEN NULL
         ELSE COALESCE(exact_choice, CASE WHEN folded_count = 1 THEN folded_choice END) END AS chosen_ciq_id
  FROM resolved r
)
SELECT source_system, source_id, called, failure, CASE WHEN failure IS NULL THEN chosen_ciq_id END AS chosen_ciq_id,
  CASE WHEN failure IS NULL THEN LEAST(stated_confidence, CAST('0.89' AS DOUBLE)) END AS llm_confidence,
  CASE WHEN failure IS NULL THEN concat(COALESCE(trim(reasoning_text), ''), printf(' [LLM stated confidence %.3f; uncalibrated]', stated_confidence)) END AS llm_reasoning,
  est_prompt_tokens, est_completion_tokens
FROM judged;

-- decisions
CREATE OR REPLACE TABLE main.ops.cascade_decisions AS
WITH routes AS (
  SELECT source_system, source_id, MIN(route) AS route, MIN(ciq_id) AS hit_ciq_id, MIN(name_similarity) AS name_similarity,
    MIN(schemes) AS schemes, MIN(entity_count) AS entity_count
  FROM main.ops.cascade_identifier_routes GROUP BY source_system, source_id
), counts AS (
  SELECT source_system, source_id, COUNT(*) AS n FROM main.ops.cascade_candidates GROUP BY source_system, source_id
), joined AS (
  SELECT p.source_system, p.source_id, p.company_name, p.content_hash, p.identifier_notes,
    r.route, r.hit_ciq_id, r.name_similarity, r.schemes, r.entity_count, COALESCE(c.n, 0) AS candidate_count,
    pd.pair_matched_ciq_id, pd.pair_method, pd.pair_confidence, pd.pair_reasoning, pd.top_ciq_id,
    a.called, a.failure, a.chosen_ciq_id, a.llm_confidence, a.llm_reasoning,
    CASE WHEN r.route = 'exact' THEN 'exact'
      WHEN COALESCE(c.n, 0) = 0 THEN 'nothing_found'
      WHEN false THEN 'unscored'
      WHEN a.source_id IS NOT NULL AND a.failure IS NULL THEN 'llm'
      WHEN a.source_id IS NOT NULL THEN 'llm_failed'
      ELSE 'pair' END AS outcome,
    CASE WHEN p.lei IS NOT NULL OR p.isin IS NOT NULL OR p.cusip IS NOT NULL THEN 1 ELSE 0 END AS reference_lookups,
    CASE WHEN a.called THEN 1 ELSE 0 END AS llm_calls, COALESCE(a.est_prompt_tokens, 0) AS llm_prompt_tokens, COALESCE(a.est_completion_tokens, 0) AS llm_completion_tokens,
    c.n AS n
  FROM main.ops.cascade_pending p
  LEFT JOIN routes r ON r.source_system = p.source_system AND r.source_id = p.source_id
  LEFT JOIN counts c ON c.source_system = p.source_system AND c.source_id = p.source_id
  LEFT JOIN main.ops.cascade_pair_decisions pd ON pd.source_system = p.source_system AND pd.source_id = p.source_id
  LEFT JOIN main.ops.cascade_llm_answers a ON a.source_system = p.source_system AND a.source_id = p.source_id
), decided AS (
  SELECT j.*,
    CASE WHEN j.outcome = 'exact' THEN 0 ELSE 1 END AS retrieval_queries,
    CASE WHEN j.outcome IN ('exact', 'nothing_found', 'no_retriever') THEN 0 ELSE COALESCE(j.n, 0) END AS pairs_scored,
    CASE outcome WHEN 'exact' THEN 'exact_identifier' WHEN 'llm' THEN CASE WHEN chosen_ciq_id IS NULL THEN 'no_match' ELSE 'llm' END
      WHEN 'llm_failed' THEN pair_method WHEN 'pair' THEN pair_method ELSE 'no_match' END AS match_method,
    CASE outcome WHEN 'exact' THEN 'Stage 1: Exact Match' WHEN 'llm' THEN 'Stage 4: LLM Adjudication'
      WHEN 'llm_failed' THEN 'Stage 3: Pair Model' WHEN 'pair' THEN 'Stage 3: Pair Model' ELSE 'Stage 2: Candidate Retrieval' END AS match_stage,
    CASE outcome WHEN 'exact' THEN hit_ciq_id WHEN 'llm' THEN chosen_ciq_id
      WHEN 'llm_failed' THEN pair_matched_ciq_id WHEN 'pair' THEN pair_matched_ciq_id END AS matched_ciq_id,
    CASE outcome WHEN 'exact' THEN CAST('1' AS DOUBLE) WHEN 'nothing_found' THEN CAST('1' AS DOUBLE) WHEN 'llm' THEN llm_confidence
      WHEN 'llm_failed' THEN LEAST(pair_confidence, CAST('0.89' AS DOUBLE)) WHEN 'pair' THEN pair_confidence ELSE CAST('0' AS DOUBLE) END AS raw_confidence,
    CASE outcome
      WHEN 'exact' THEN printf('Exact %s match; name similarity %.2f', schemes, name_similarity)
      WHEN 'nothing_found' THEN 'Retriever found no candidates (top-10); no match'
      WHEN 'no_retriever' THEN 'No candidate retriever configured; sent to review'
      WHEN 'unscored' THEN 'No pair model configured; candidates left for review'
      WHEN 'llm' THEN llm_reasoning
      WHEN 'llm_failed' THEN concat('LLM adjudication failed: ', failure, '; sent to review. ', pair_reasoning)
      ELSE pair_reasoning END AS decision_reasoning,
    CASE outcome WHEN 'exact' THEN 'exact' WHEN 'llm' THEN 'databricks-meta-llama-3-3-70b-instruct'
      WHEN 'llm_failed' THEN 'serving:ditto-matcher' WHEN 'pair' THEN 'serving:ditto-matcher' ELSE 'none' END AS model_version
  FROM joined j
), capped AS (
  SELECT x.*,
    CASE WHEN raw_confidence IS NULL OR isnan(raw_confidence) THEN CAST('0' AS DOUBLE) ELSE LEAST(CAST('1' AS DOUBLE), GREATEST(CAST('0' AS DOUBLE), raw_confidence)) END AS clamped
  FROM decided x
)
SELECT source_system, source_id, company_name, content_hash, matched_ciq_id, match_method, match_stage, model_version, outcome,
  CASE WHEN route = 'conflict' AND clamped >= CAST('0.9' AS DOUBLE) THEN CAST('0.89' AS DOUBLE) ELSE clamped END AS match_confidence,
  CASE WHEN route = 'conflict' AND clamped >= CAST('0.9' AS DOUBLE) THEN CAST('0.89' AS DOUBLE) ELSE clamped END < CAST('0.9' AS DOUBLE) AS needs_review,
  concat_ws('; ', decision_reasoning,
    CASE WHEN route = 'conflict' THEN printf('identifier conflict: %d reference entities share the identifiers of the source', entity_count) END,
    CASE WHEN route = 'untrusted' THEN printf('%s hit %s but names disagree (similarity %.2f)', schemes, hit_ciq_id, name_similarity) END,
    identifier_notes,
    CASE WHEN route = 'conflict' AND clamped >= CAST('0.9' AS DOUBLE) THEN printf('confidence capped at %.2f because of the identifier conflict', CAST('0.89' AS DOUBLE)) END) AS reasoning,
  reference_lookups, retrieval_queries, pairs_scored, llm_calls, llm_prompt_tokens, llm_completion_tokens,
  reference_lookups * CAST('0' AS DOUBLE) + retrieval_queries * CAST('0.0001' AS DOUBLE) + pairs_scored * CAST('0.0001' AS DOUBLE)
    + llm_calls * CAST('0' AS DOUBLE) + llm_prompt_tokens / CAST('1000000' AS DOUBLE) * CAST('0.5' AS DOUBLE)
    + llm_completion_tokens / CAST('1000000' AS DOUBLE) * CAST('1.5' AS DOUBLE) AS cost_usd
FROM capped;

-- merge_gold
MERGE INTO main.gold.matched_entities AS t
USING (SELECT d.source_id, d.source_system, d.company_name, d.matched_ciq_id, d.match_confidence, d.match_method, d.match_stage,
    d.reasoning, r.original_name AS matched_company_name, current_timestamp AS match_timestamp,
    CAST((unix_millis(current_timestamp) - unix_millis((SELECT MIN(started_at) FROM main.ops.runs WHERE run_id = :run_id))) / GREATEST((SELECT COUNT(*) FROM main.ops.cascade_decisions), 1) AS BIGINT) AS processing_time_ms,
    d.model_version, CAST('0.9' AS DOUBLE) AS auto_match_threshold, COALESCE(j.candidates, '[]') AS candidates,
    d.reference_lookups, d.retrieval_queries, d.pairs_scored, d.llm_calls, d.llm_prompt_tokens, d.llm_completion_tokens,
    CAST(0 AS DOUBLE) AS compute_ms, d.cost_usd, CAST(:run_id AS STRING) AS run_id, d.content_hash
  FROM main.ops.cascade_decisions d
  LEFT JOIN main.silver.normalized_reference r ON r.ciq_id = d.matched_ciq_id
  LEFT JOIN (SELECT c.source_system, c.source_id, to_json(transform(array_sort(collect_list(named_struct('o', c.pair_rank, 'v', named_struct('ciq_id', c.ciq_id, 'company_name', r.original_name, 'rank', c.rank, 'retrieval_score', c.score, 'pair_score', c.pair_score, 'identifier_hits', filter(array(CASE WHEN p.lei IS NOT NULL AND p.lei = r.lei THEN 'lei' END, CASE WHEN p.isin IS NOT NULL AND p.isin = r.isin THEN 'isin' END, CASE WHEN p.cusip IS NOT NULL AND p.cusip = r.cusip THEN 'cusip' END), x -> x IS NOT NULL))))), x -> x.v)) AS candidates
  FROM main.ops.cascade_ranked_candidates c
  JOIN main.ops.cascade_pending p ON p.source_system = c.source_system AND p.source_id = c.source_id
  JOIN main.silver.normalized_reference r ON r.ciq_id = c.ciq_id
  GROUP BY c.source_system, c.source_id) j ON j.source_system = d.source_system AND j.source_id = d.source_id) AS s
ON t.source_system = s.source_system AND t.source_id = s.source_id
WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET company_name = s.company_name, matched_ciq_id = s.matched_ciq_id, match_confidence = s.match_confidence, match_method = s.match_method, match_stage = s.match_stage, reasoning = s.reasoning, matched_company_name = s.matched_company_name, match_timestamp = s.match_timestamp, processing_time_ms = s.processing_time_ms, model_version = s.model_version, auto_match_threshold = s.auto_match_threshold, candidates = s.candidates, reference_lookups = s.reference_lookups, retrieval_queries = s.retrieval_queries, pairs_scored = s.pairs_scored, llm_calls = s.llm_calls, llm_prompt_tokens = s.llm_prompt_tokens, llm_completion_tokens = s.llm_completion_tokens, compute_ms = s.compute_ms, cost_usd = s.cost_usd, run_id = s.run_id, content_hash = s.content_hash
WHEN NOT MATCHED THEN INSERT (source_id, source_system, company_name, matched_ciq_id, match_confidence, match_method, match_stage, reasoning, matched_company_name, match_timestamp, processing_time_ms, model_version, auto_match_threshold, candidates, reference_lookups, retrieval_queries, pairs_scored, llm_calls, llm_prompt_tokens, llm_completion_tokens, compute_ms, cost_usd, run_id, content_hash) VALUES (s.source_id, s.source_system, s.company_name, s.matched_ciq_id, s.match_confidence, s.match_method, s.match_stage, s.reasoning, s.matched_company_name, s.match_timestamp, s.processing_time_ms, s.model_version, s.auto_match_threshold, s.candidates, s.reference_lookups, s.retrieval_queries, s.pairs_scored, s.llm_calls, s.llm_prompt_tokens, s.llm_completion_tokens, s.compute_ms, s.cost_usd, s.run_id, s.content_hash);

-- run_finish
UPDATE main.ops.runs SET status = 'succeeded', finished_at = current_timestamp,
  rows_read = (SELECT COUNT(*) FROM main.ops.cascade_pending),
  rows_processed = (SELECT COUNT(*) FROM main.ops.cascade_decisions)
WHERE run_id = :run_id;
