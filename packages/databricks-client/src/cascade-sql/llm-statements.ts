import { NO_MATCH_CHOICE } from '@em/core/adjudication';
import { reviewCap } from '@em/core/cascade';
import { sqlDouble, sqlString } from './cascade-sql-dialect.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { keyEquals } from './cascade-sql-options.js';
import { promptExpression, responseFormat } from './llm-prompt-sql.js';

/** Tokens per character used to estimate usage (ai_query returns no token counts). */
const CHARS_PER_TOKEN = 4;

/** Is stage 4 rendered at all? */
export const llmRendered = (o: CascadeSqlOptions): boolean =>
  o.config.llm.enabled && o.llmEndpoint !== null && o.pairEndpoint !== null;

/**
 * Stage 4, calls: one `ai_query` per routed source with core's prompt and reply schema
 * (`responseFormat`), `failOnError => false` so a failed call is a reply with an error, not a
 * failed run. The budget (`llm.budget`) is a window over routed sources in key order: a call
 * starts only while the estimated spend before it is under the budget (as core's meter refuses
 * a call once the budget is spent), the rest fail with "LLM budget exhausted".
 */
export function llmRepliesStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables, config, dialect } = o;
  const { llm, prices } = config;
  const d = sqlDouble;
  const estPrompt = `CAST(CEIL(length(prompt) / ${d(CHARS_PER_TOKEN)}) AS BIGINT)`;
  const callUsd = `(${d(prices.llmCall)} + est_prompt_tokens / ${d(1e6)} * ${d(prices.llmPromptPerMillionTokens)} + ${llm.maxCompletionTokens} / ${d(1e6)} * ${d(prices.llmCompletionPerMillionTokens)})`;
  const before = (x: string) =>
    `COALESCE(SUM(${x}) OVER (ORDER BY source_system ASC NULLS LAST, source_id ASC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;
  const limits = [
    llm.budget.maxTokens === undefined ? null : `tokens_before < ${llm.budget.maxTokens}`,
    llm.budget.maxUsd === undefined ? null : `usd_before < ${d(llm.budget.maxUsd)}`,
  ].filter((x): x is string => x !== null);
  const within = limits.length === 0 ? 'true' : limits.join(' AND ');
  const call = `ai_query(${sqlString(o.llmEndpoint ?? '')}, prompt,
    responseFormat => ${sqlString(responseFormat())},
    modelParameters => ${dialect.struct([
      ['max_tokens', String(llm.maxCompletionTokens)],
      ['temperature', d(llm.temperature)],
    ])},
    failOnError => false)`;
  return {
    name: 'llm_replies',
    sql: `CREATE OR REPLACE TABLE ${tables.work('llm_replies')} AS
WITH prompts AS (
  SELECT p.source_system, p.source_id, ${promptExpression(o)} AS prompt
  FROM ${tables.work('pair_decisions')} d
  JOIN ${tables.work('pending')} p ON ${keyEquals('p', 'd')}
  JOIN ${tables.work('ranked_candidates')} c ON ${keyEquals('c', 'd')}
  JOIN ${tables.silverReference} r ON r.ciq_id = c.ciq_id
  WHERE d.routed_to_llm
  GROUP BY p.source_system, p.source_id
), estimated AS (
  SELECT x.*, ${estPrompt} AS est_prompt_tokens FROM prompts x
), budgeted AS (
  SELECT e.*,
    ${before(`est_prompt_tokens + ${llm.maxCompletionTokens}`)} AS tokens_before,
    ${before(callUsd)} AS usd_before
  FROM estimated e
), answered AS (
  SELECT b.*, ${call} AS reply FROM budgeted b WHERE ${within}
)
SELECT source_system, source_id, true AS called, reply.result AS reply_text, reply.errorMessage AS reply_error, est_prompt_tokens,
  CAST(CEIL(length(COALESCE(reply.result, '')) / ${d(CHARS_PER_TOKEN)}) AS BIGINT) AS est_completion_tokens
FROM answered
UNION ALL
SELECT source_system, source_id, false AS called, CAST(NULL AS STRING) AS reply_text,
  printf('LLM budget exhausted (about %d tokens, USD %.4f estimated before this case)', tokens_before, usd_before) AS reply_error,
  CAST(0 AS BIGINT) AS est_prompt_tokens, CAST(0 AS BIGINT) AS est_completion_tokens
FROM budgeted WHERE NOT (${within})`,
  };
}

/** Lower-case words core's parser reads as "no match". */
const NONE_WORDS = [NO_MATCH_CHOICE, 'null', 'no match', 'no_match', 'none of these', 'none of the above'];

/**
 * Stage 4, reading replies (core's parseAdjudicationReply + adjudicatedConfidence without a
 * calibration): the JSON object in the reply (inside a ``` fence if any, else first `{` to last
 * `}`; a trailing comma forgiven), `choice` a string or null, `confidence` a number or numeric
 * string ((1, 100] read as a percentage), `reasoning` a string or absent. The choice must be a
 * candidate (exact, else a unique case-insensitive match; brackets stripped) or a "none" word.
 * Anything else fails the case: it keeps its stage-3 decision below the auto-match threshold.
 */
export function llmAnswersStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables, dialect } = o;
  const d = sqlDouble;
  const fence = sqlString('```[a-zA-Z]*\\s*([\\s\\S]*?)```');
  const body = `CASE WHEN instr(reply_text, '\`\`\`') > 0 AND regexp_extract(reply_text, ${fence}, 1) <> '' THEN regexp_extract(reply_text, ${fence}, 1) ELSE reply_text END`;
  const trailingCommaFixed = dialect.replaceKeepingGroup('json_text', ',\\s*([}\\]])', '', '');
  const said =
    "trim(CASE WHEN trim(choice_text) LIKE '[%]' THEN substr(trim(choice_text), 2, length(trim(choice_text)) - 2) ELSE choice_text END)";
  const stated = `CASE WHEN confidence_type = 'number' THEN try_cast(confidence_text AS DOUBLE)
      WHEN confidence_type = 'string' AND trim(confidence_text) <> '' THEN try_cast(trim(confidence_text) AS DOUBLE) END`;
  const cap = d(reviewCap(o.config.autoMatchThreshold));
  return {
    name: 'llm_answers',
    sql: `CREATE OR REPLACE TABLE ${tables.work('llm_answers')} AS
WITH bodies AS (
  SELECT r.*, ${body} AS body FROM ${tables.work('llm_replies')} r
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
         WHEN ${dialect.isJsonObject('json_text')} THEN json_text
         WHEN ${dialect.isJsonObject(trailingCommaFixed)} THEN ${trailingCommaFixed} END AS reply_json
  FROM extracted e
), typed AS (
  SELECT o.*,
    CASE WHEN reply_json IS NULL THEN NULL ELSE ${dialect.jsonFieldType('reply_json', 'choice')} END AS choice_type,
    CASE WHEN reply_json IS NULL THEN NULL ELSE ${dialect.jsonFieldText('reply_json', 'choice')} END AS choice_text,
    CASE WHEN reply_json IS NULL THEN NULL ELSE ${dialect.jsonFieldType('reply_json', 'confidence')} END AS confidence_type,
    CASE WHEN reply_json IS NULL THEN NULL ELSE ${dialect.jsonFieldText('reply_json', 'confidence')} END AS confidence_text,
    CASE WHEN reply_json IS NULL THEN NULL ELSE ${dialect.jsonFieldType('reply_json', 'reasoning')} END AS reasoning_type,
    CASE WHEN reply_json IS NULL THEN NULL ELSE ${dialect.jsonFieldText('reply_json', 'reasoning')} END AS reasoning_text
  FROM objects o
), stated AS (
  SELECT t.*, ${stated} AS stated_raw, ${said} AS said FROM typed t
), probable AS (
  SELECT s.*,
    CASE WHEN stated_raw IS NULL OR isnan(stated_raw) OR stated_raw < ${d(0)} OR stated_raw > ${d(100)} THEN NULL
         WHEN stated_raw <= ${d(1)} THEN stated_raw ELSE stated_raw / ${d(100)} END AS stated_confidence
  FROM stated s
), resolved AS (
  SELECT p.*,
    (SELECT MIN(c.ciq_id) FROM ${tables.work('ranked_candidates')} c WHERE ${keyEquals('c', 'p')} AND c.ciq_id = p.said) AS exact_choice,
    (SELECT MIN(c.ciq_id) FROM ${tables.work('ranked_candidates')} c WHERE ${keyEquals('c', 'p')} AND lower(c.ciq_id) = lower(p.said)) AS folded_choice,
    (SELECT COUNT(*) FROM ${tables.work('ranked_candidates')} c WHERE ${keyEquals('c', 'p')} AND lower(c.ciq_id) = lower(p.said)) AS folded_count
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
         WHEN choice_type = 'null' OR lower(said) IN (${NONE_WORDS.map(sqlString).join(', ')}) THEN NULL
         WHEN exact_choice IS NULL AND folded_count <> 1 THEN printf('model chose "%s", which is not among the candidates', said)
         END AS failure,
    CASE WHEN choice_type = 'null' OR lower(said) IN (${NONE_WORDS.map(sqlString).join(', ')}) THEN NULL
         ELSE COALESCE(exact_choice, CASE WHEN folded_count = 1 THEN folded_choice END) END AS chosen_ciq_id
  FROM resolved r
)
SELECT source_system, source_id, called, failure, CASE WHEN failure IS NULL THEN chosen_ciq_id END AS chosen_ciq_id,
  CASE WHEN failure IS NULL THEN LEAST(stated_confidence, ${cap}) END AS llm_confidence,
  CASE WHEN failure IS NULL THEN concat(COALESCE(trim(reasoning_text), ''), printf(' [LLM stated confidence %.3f; uncalibrated]', stated_confidence)) END AS llm_reasoning,
  est_prompt_tokens, est_completion_tokens
FROM judged`,
  };
}
