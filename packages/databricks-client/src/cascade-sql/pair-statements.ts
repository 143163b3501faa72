import { MATCH_STAGES } from '@em/core';
import { PAIR_MARGIN_EPSILON, reviewCap } from '@em/core/cascade';
import { sqlDouble, sqlString } from './cascade-sql-dialect.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { keyEquals } from './cascade-sql-options.js';

/** core's dittoValue for text: NULL → '', each tab, CR and LF → one space. */
const dittoText = (column: string): string =>
  `translate(COALESCE(CAST(${column} AS STRING), ''), concat(chr(9), chr(13), chr(10)), '   ')`;

/** core's serializeForDitto: `COL <attr> VAL <value> ` per attribute, in order. */
export function dittoSerialization(
  alias: string,
  attributes: readonly string[],
  column: (a: string) => string,
): string {
  return `concat(${attributes.map((a) => `'COL ${a} VAL ', ${dittoText(`${alias}.${column(a)}`)}, ' '`).join(', ')})`;
}

/** Source columns as the REST scorer sends them (the raw identifiers, not the validated ones). */
const sourceColumn = (a: string): string =>
  ['lei', 'isin', 'cusip'].includes(a) ? `${a}_raw` : a === 'company_name' ? 'company_name' : a;
const referenceColumn = (a: string): string =>
  ['lei', 'isin', 'cusip'].includes(a) ? `${a}_raw` : a === 'company_name' ? 'original_name' : a;

/**
 * Stage 3, scoring: every candidate pair through the Ditto endpoint with `ai_query`, the request a
 * struct of the model's inputs `left` and `right` (its MLflow signature; one output column,
 * `match_probability`, which ai_query returns as the value).
 */
export function pairScoresStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables, dialect } = o;
  const target = tables.work('pair_scores');
  const score =
    o.pairEndpoint === null
      ? 'CAST(NULL AS DOUBLE)'
      : `CAST(ai_query(${sqlString(o.pairEndpoint)}, ${dialect.struct([
          ['left', 'x.left_text'],
          ['right', 'x.right_text'],
        ])}) AS DOUBLE)`;
  return {
    name: 'pair_scores',
    sql: `CREATE OR REPLACE TABLE ${target} AS
SELECT x.*, ${score} AS raw_score
FROM (
  SELECT c.*, ${dittoSerialization('p', o.dittoAttributes, sourceColumn)} AS left_text,
    ${dittoSerialization('r', o.dittoAttributes, referenceColumn)} AS right_text
  FROM ${tables.work('candidates')} c
  JOIN ${tables.work('pending')} p ON ${keyEquals('p', 'c')}
  JOIN ${tables.silverReference} r ON r.ciq_id = c.ciq_id
) x`,
  };
}

/**
 * Stage 3 ranking (core's recordScore + rankByPairScore): scores clamped to [0, 1] (NaN/NULL → 0),
 * ranked by score, ties by retrieval rank.
 */
export function rankedCandidatesStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables } = o;
  const d = (x: number) => sqlDouble(x);
  return {
    name: 'ranked_candidates',
    sql: `CREATE OR REPLACE TABLE ${tables.work('ranked_candidates')} AS
WITH scored AS (
  SELECT source_system, source_id, ciq_id, rank, score, channel, raw_score,
    CASE WHEN raw_score IS NULL OR isnan(raw_score) THEN ${d(0)}
         WHEN raw_score < ${d(0)} THEN ${d(0)}
         WHEN raw_score > ${d(1)} THEN ${d(1)}
         ELSE raw_score END AS pair_score
  FROM ${tables.work('pair_scores')}
)
SELECT s.*, ROW_NUMBER() OVER (PARTITION BY source_system, source_id ORDER BY pair_score DESC, rank ASC) AS pair_rank
FROM scored s`,
  };
}

/**
 * Stage 3 decision (core's decidePair + shouldAdjudicate): p1, p2 (0 without a runner-up), the
 * verdict, the standing decision, and whether the case goes to the LLM.
 */
export function pairDecisionsStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables, config } = o;
  const d = (x: number) => sqlDouble(x);
  const cap = d(reviewCap(config.autoMatchThreshold));
  const llm = config.llm;
  const llmOn = llm.enabled && o.llmEndpoint !== null && o.pairEndpoint !== null;
  const routed = llmOn
    ? `verdict <> 'accept' AND ((p1 >= ${d(llm.minPairScore)} AND p1 < ${d(llm.maxPairScore)}) OR (verdict = 'margin' AND p1 >= ${d(llm.minPairScore)}))`
    : 'false';
  return {
    name: 'pair_decisions',
    sql: `CREATE OR REPLACE TABLE ${tables.work('pair_decisions')} AS
WITH top2 AS (
  SELECT source_system, source_id, COUNT(*) AS candidate_count,
    MAX(CASE WHEN pair_rank = 1 THEN ciq_id END) AS top_ciq_id,
    MAX(CASE WHEN pair_rank = 2 THEN ciq_id END) AS second_ciq_id,
    MAX(CASE WHEN pair_rank = 1 THEN pair_score END) AS p1,
    COALESCE(MAX(CASE WHEN pair_rank = 2 THEN pair_score END), ${d(0)}) AS p2
  FROM ${tables.work('ranked_candidates')} GROUP BY source_system, source_id
), verdicts AS (
  SELECT t.*,
    CASE WHEN p1 >= ${d(config.pairAcceptThreshold)} AND p1 - p2 >= ${d(config.pairMargin - PAIR_MARGIN_EPSILON)} THEN 'accept'
         WHEN p1 >= ${d(config.pairAcceptThreshold)} THEN 'margin'
         WHEN p1 >= ${d(0.5)} THEN 'tentative'
         ELSE 'none' END AS verdict
  FROM top2 t
)
SELECT v.*,
  CASE WHEN verdict = 'none' THEN NULL ELSE top_ciq_id END AS pair_matched_ciq_id,
  CASE WHEN verdict = 'none' THEN 'no_match' ELSE 'ditto_matcher' END AS pair_method,
  CASE WHEN verdict = 'accept' THEN p1 WHEN verdict = 'none' THEN ${d(1)} - p1 ELSE LEAST(p1, ${cap}) END AS pair_confidence,
  CASE WHEN verdict = 'accept' THEN printf('Pair model matched %s at %.2f', top_ciq_id, p1)
       WHEN verdict = 'margin' THEN printf('Pair model undecided: %s at %.2f vs %s at %.2f (margin < %.2f); tentative match to the top candidate, sent to review', top_ciq_id, p1, COALESCE(second_ciq_id, 'no runner-up'), p2, ${d(config.pairMargin)})
       WHEN verdict = 'tentative' THEN printf('Pair model leans to %s at %.2f (below accept %.2f); tentative match, sent to review', top_ciq_id, p1, ${d(config.pairAcceptThreshold)})
       ELSE printf('No match: best candidate %s scored %.2f', top_ciq_id, p1) END AS pair_reasoning,
  ${routed} AS routed_to_llm,
  ${sqlString(MATCH_STAGES.pairModel)} AS pair_stage
FROM verdicts v`,
  };
}
