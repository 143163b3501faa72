import { GOLD_COLUMNS } from '@em/sql';
import { sqlDouble, sqlString } from './cascade-sql-dialect.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { keyEquals } from './cascade-sql-options.js';

/** Gold's columns, in DDL order: the one list @em/sql derives from sql/ (the MERGE names them all). */
const GOLD_COLUMN_NAMES = GOLD_COLUMNS.map(([name]) => name);

/** The candidates column: the scored candidates, best first, as the REST engine writes them. */
function candidatesJson(o: CascadeSqlOptions): string {
  const { tables, dialect } = o;
  const hits = dialect.stringArray(
    ['lei', 'isin', 'cusip'].map((s) => `CASE WHEN p.${s} IS NOT NULL AND p.${s} = r.${s} THEN '${s}' END`),
  );
  const struct = dialect.struct([
    ['ciq_id', 'c.ciq_id'],
    ['company_name', 'r.original_name'],
    ['rank', 'c.rank'],
    ['retrieval_score', 'c.score'],
    ['pair_score', o.pairEndpoint === null ? 'CAST(NULL AS DOUBLE)' : 'c.pair_score'],
    ['identifier_hits', hits],
  ]);
  return `SELECT c.source_system, c.source_id, ${dialect.orderedJsonArray(struct, 'c.pair_rank')} AS candidates
  FROM ${tables.work('ranked_candidates')} c
  JOIN ${tables.work('pending')} p ON ${keyEquals('p', 'c')}
  JOIN ${tables.silverReference} r ON r.ciq_id = c.ciq_id
  GROUP BY c.source_system, c.source_id`;
}

/**
 * One MERGE of every decision into gold (a row a human decided is never overwritten). The
 * per-entity time is the run's wall time so far shared evenly: the set-based run does not time
 * single rows.
 */
export function mergeGoldStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables, dialect, config } = o;
  const started = `(SELECT MIN(started_at) FROM ${tables.runs} WHERE run_id = :run_id)`;
  const source = `SELECT d.source_id, d.source_system, d.company_name, d.matched_ciq_id, d.match_confidence, d.match_method, d.match_stage,
    d.reasoning, r.original_name AS matched_company_name, current_timestamp AS match_timestamp,
    CAST((${dialect.epochMs('current_timestamp')} - ${dialect.epochMs(started)}) / GREATEST((SELECT COUNT(*) FROM ${tables.work('decisions')}), 1) AS BIGINT) AS processing_time_ms,
    d.model_version, ${sqlDouble(config.autoMatchThreshold)} AS auto_match_threshold, COALESCE(j.candidates, '[]') AS candidates,
    d.reference_lookups, d.retrieval_queries, d.pairs_scored, d.llm_calls, d.llm_prompt_tokens, d.llm_completion_tokens,
    CAST(0 AS DOUBLE) AS compute_ms, d.cost_usd, CAST(:run_id AS STRING) AS run_id, d.content_hash
  FROM ${tables.work('decisions')} d
  LEFT JOIN ${tables.silverReference} r ON r.ciq_id = d.matched_ciq_id
  LEFT JOIN (${candidatesJson(o)}) j ON ${keyEquals('j', 'd')}`;
  const update = GOLD_COLUMN_NAMES.filter((c) => c !== 'source_id' && c !== 'source_system')
    .map((c) => `${c} = s.${c}`)
    .join(', ');
  return {
    name: 'merge_gold',
    sql: `MERGE INTO ${tables.gold} AS t
USING (${source}) AS s
ON ${keyEquals('t', 's')}
WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET ${update}
WHEN NOT MATCHED THEN INSERT (${GOLD_COLUMN_NAMES.join(', ')}) VALUES (${GOLD_COLUMN_NAMES.map((c) => `s.${c}`).join(', ')})`,
  };
}

/** The run log: a crashed earlier run is marked failed, this one recorded as running with its config. */
export function runStartStatements(o: CascadeSqlOptions): CascadeStatement[] {
  const { tables } = o;
  return [
    {
      name: 'run_fail_stale',
      sql: `UPDATE ${tables.runs} SET status = 'failed', finished_at = current_timestamp,
  message = 'Interrupted: a later run found it still running'
WHERE kind = 'match' AND status = 'running' AND run_id <> :run_id`,
    },
    {
      name: 'run_start',
      sql: `INSERT INTO ${tables.runs} (run_id, kind, started_at, status, config, message)
VALUES (:run_id, 'match', current_timestamp, 'running', ${sqlString(JSON.stringify(o.config))}, 'set-based cascade on the SQL warehouse')`,
    },
  ];
}

export function runFinishStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables } = o;
  return {
    name: 'run_finish',
    sql: `UPDATE ${tables.runs} SET status = 'succeeded', finished_at = current_timestamp,
  rows_read = (SELECT COUNT(*) FROM ${tables.work('pending')}),
  rows_processed = (SELECT COUNT(*) FROM ${tables.work('decisions')})
WHERE run_id = :run_id`,
  };
}

/** After a failed step (the job's last task, run_if AT_LEAST_ONE_FAILED): the run is failed, at once. */
export function runMarkFailedStatement(o: CascadeSqlOptions): CascadeStatement {
  return {
    name: 'run_mark_failed',
    sql: `UPDATE ${o.tables.runs} SET status = 'failed', finished_at = current_timestamp,
  message = 'A step of the daily job failed; see the job run for the statement and its error'
WHERE run_id = :run_id AND status = 'running'`,
  };
}
