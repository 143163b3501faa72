import { MATCH_STAGES } from '@em/core';
import { reviewCap } from '@em/core/cascade';
import { sqlDouble, sqlString } from './cascade-sql-dialect.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { keyEquals } from './cascade-sql-options.js';
import { llmRendered } from './llm-statements.js';

const stage = (s: keyof typeof MATCH_STAGES) => sqlString(MATCH_STAGES[s]);

/**
 * Every pending source's decision (core's runCascade order): exact identifier → no candidates →
 * no pair model → LLM answer (or its failure over the stage-3 decision) → stage-3 decision. Then
 * buildResult's rules: confidence clamped to [0, 1], an identifier conflict capped below the
 * auto-match threshold, needs_review ⇔ confidence < threshold; usage and cost at core's prices.
 */
export function decisionsStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables, config } = o;
  const d = sqlDouble;
  const threshold = d(config.autoMatchThreshold);
  const cap = d(reviewCap(config.autoMatchThreshold));
  const llm = llmRendered(o);
  const scored = o.pairEndpoint !== null;
  const answers = llm
    ? `LEFT JOIN ${tables.work('llm_answers')} a ON ${keyEquals('a', 'p')}`
    : `LEFT JOIN (SELECT source_system, source_id, CAST(NULL AS BOOLEAN) AS called, CAST(NULL AS STRING) AS failure, CAST(NULL AS STRING) AS chosen_ciq_id,
    CAST(NULL AS DOUBLE) AS llm_confidence, CAST(NULL AS STRING) AS llm_reasoning, CAST(0 AS BIGINT) AS est_prompt_tokens, CAST(0 AS BIGINT) AS est_completion_tokens
    FROM ${tables.work('pending')} WHERE 1 = 0) a ON ${keyEquals('a', 'p')}`;
  const noCandidates = o.vectorIndex !== null ? "'nothing_found'" : "'no_retriever'";
  const outcome = `CASE WHEN r.route = 'exact' THEN 'exact'
      WHEN COALESCE(c.n, 0) = 0 THEN ${noCandidates}
      WHEN ${scored ? 'false' : 'true'} THEN 'unscored'
      WHEN a.source_id IS NOT NULL AND a.failure IS NULL THEN 'llm'
      WHEN a.source_id IS NOT NULL THEN 'llm_failed'
      ELSE 'pair' END`;
  const prices = config.prices;
  const usage = {
    reference_lookups:
      'CASE WHEN p.lei IS NOT NULL OR p.isin IS NOT NULL OR p.cusip IS NOT NULL THEN 1 ELSE 0 END',
    retrieval_queries: o.vectorIndex !== null ? "CASE WHEN outcome = 'exact' THEN 0 ELSE 1 END" : '0',
    pairs_scored: scored
      ? "CASE WHEN outcome IN ('exact', 'nothing_found', 'no_retriever') THEN 0 ELSE COALESCE(c.n, 0) END"
      : '0',
    llm_calls: 'CASE WHEN a.called THEN 1 ELSE 0 END',
    llm_prompt_tokens: 'COALESCE(a.est_prompt_tokens, 0)',
    llm_completion_tokens: 'COALESCE(a.est_completion_tokens, 0)',
  };
  return {
    name: 'decisions',
    sql: `CREATE OR REPLACE TABLE ${tables.work('decisions')} AS
WITH routes AS (
  SELECT source_system, source_id, MIN(route) AS route, MIN(ciq_id) AS hit_ciq_id, MIN(name_similarity) AS name_similarity,
    MIN(schemes) AS schemes, MIN(entity_count) AS entity_count
  FROM ${tables.work('identifier_routes')} GROUP BY source_system, source_id
), counts AS (
  SELECT source_system, source_id, COUNT(*) AS n FROM ${tables.work('candidates')} GROUP BY source_system, source_id
), joined AS (
  SELECT p.source_system, p.source_id, p.company_name, p.content_hash, p.identifier_notes,
    r.route, r.hit_ciq_id, r.name_similarity, r.schemes, r.entity_count, COALESCE(c.n, 0) AS candidate_count,
    pd.pair_matched_ciq_id, pd.pair_method, pd.pair_confidence, pd.pair_reasoning, pd.top_ciq_id,
    a.called, a.failure, a.chosen_ciq_id, a.llm_confidence, a.llm_reasoning,
    ${outcome} AS outcome,
    ${usage.reference_lookups} AS reference_lookups,
    ${usage.llm_calls} AS llm_calls, ${usage.llm_prompt_tokens} AS llm_prompt_tokens, ${usage.llm_completion_tokens} AS llm_completion_tokens,
    c.n AS n
  FROM ${tables.work('pending')} p
  LEFT JOIN routes r ON ${keyEquals('r', 'p')}
  LEFT JOIN counts c ON ${keyEquals('c', 'p')}
  LEFT JOIN ${tables.work('pair_decisions')} pd ON ${keyEquals('pd', 'p')}
  ${answers}
), decided AS (
  SELECT j.*,
    ${usage.retrieval_queries.replaceAll('outcome', 'j.outcome')} AS retrieval_queries,
    ${usage.pairs_scored.replaceAll('outcome', 'j.outcome').replaceAll('c.n', 'j.n')} AS pairs_scored,
    CASE outcome WHEN 'exact' THEN 'exact_match' WHEN 'llm' THEN CASE WHEN chosen_ciq_id IS NULL THEN 'no_match' ELSE 'foundation_model' END
      WHEN 'llm_failed' THEN pair_method WHEN 'pair' THEN pair_method ELSE 'no_match' END AS match_method,
    CASE outcome WHEN 'exact' THEN ${stage('exact')} WHEN 'llm' THEN ${stage('llm')}
      WHEN 'llm_failed' THEN ${stage('pairModel')} WHEN 'pair' THEN ${stage('pairModel')} ELSE ${stage('retrieval')} END AS match_stage,
    CASE outcome WHEN 'exact' THEN hit_ciq_id WHEN 'llm' THEN chosen_ciq_id
      WHEN 'llm_failed' THEN pair_matched_ciq_id WHEN 'pair' THEN pair_matched_ciq_id END AS matched_ciq_id,
    CASE outcome WHEN 'exact' THEN ${d(1)} WHEN 'nothing_found' THEN ${d(1)} WHEN 'llm' THEN llm_confidence
      WHEN 'llm_failed' THEN LEAST(pair_confidence, ${cap}) WHEN 'pair' THEN pair_confidence ELSE ${d(0)} END AS raw_confidence,
    CASE outcome
      WHEN 'exact' THEN printf('Exact %s match; name similarity %.2f', schemes, name_similarity)
      WHEN 'nothing_found' THEN ${sqlString(`Retriever found no candidates (top-${config.topK}); no match`)}
      WHEN 'no_retriever' THEN 'No candidate retriever configured; sent to review'
      WHEN 'unscored' THEN 'No pair model configured; candidates left for review'
      WHEN 'llm' THEN llm_reasoning
      WHEN 'llm_failed' THEN concat('LLM adjudication failed: ', failure, '; sent to review. ', pair_reasoning)
      ELSE pair_reasoning END AS decision_reasoning,
    CASE outcome WHEN 'exact' THEN 'exact' WHEN 'llm' THEN ${sqlString(o.llmEndpoint ?? 'none')}
      WHEN 'llm_failed' THEN ${sqlString(o.pairModelVersion)} WHEN 'pair' THEN ${sqlString(o.pairModelVersion)} ELSE 'none' END AS model_version
  FROM joined j
), capped AS (
  SELECT x.*,
    CASE WHEN raw_confidence IS NULL OR isnan(raw_confidence) THEN ${d(0)} ELSE LEAST(${d(1)}, GREATEST(${d(0)}, raw_confidence)) END AS clamped
  FROM decided x
)
SELECT source_system, source_id, company_name, content_hash, matched_ciq_id, match_method, match_stage, model_version, outcome,
  CASE WHEN route = 'conflict' AND clamped >= ${threshold} THEN ${cap} ELSE clamped END AS match_confidence,
  CASE WHEN route = 'conflict' AND clamped >= ${threshold} THEN ${cap} ELSE clamped END < ${threshold} AS needs_review,
  concat_ws('; ', decision_reasoning,
    CASE WHEN route = 'conflict' THEN printf('identifier conflict: %d reference entities share the identifiers of the source', entity_count) END,
    CASE WHEN route = 'untrusted' THEN printf('%s hit %s but names disagree (similarity %.2f)', schemes, hit_ciq_id, name_similarity) END,
    identifier_notes,
    CASE WHEN route = 'conflict' AND clamped >= ${threshold} THEN printf('confidence capped at %.2f because of the identifier conflict', ${cap}) END) AS reasoning,
  reference_lookups, retrieval_queries, pairs_scored, llm_calls, llm_prompt_tokens, llm_completion_tokens,
  reference_lookups * ${d(prices.referenceLookup)} + retrieval_queries * ${d(prices.retrievalQuery)} + pairs_scored * ${d(prices.pairScored)}
    + llm_calls * ${d(prices.llmCall)} + llm_prompt_tokens / ${d(1e6)} * ${d(prices.llmPromptPerMillionTokens)}
    + llm_completion_tokens / ${d(1e6)} * ${d(prices.llmCompletionPerMillionTokens)} AS cost_usd
FROM capped`,
  };
}
