import { sqlString } from './cascade-sql-dialect.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { keyEquals } from './cascade-sql-options.js';

/**
 * Stage 2, vector channel: `vector_search` per source that stage 1 did not settle, as a LATERAL
 * subquery on a serverless warehouse (the function's documented batch form). Duplicate ciq_ids
 * keep their best score; rank = position by score (ties: ciq_id), 0-based.
 */
export function retrievedStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables } = o;
  const target = tables.work('retrieved');
  if (o.vectorIndex === null) {
    return {
      name: 'retrieved',
      sql: `CREATE OR REPLACE TABLE ${target} AS
SELECT source_system, source_id, CAST(NULL AS STRING) AS ciq_id, CAST(NULL AS DOUBLE) AS score, CAST(NULL AS BIGINT) AS rank
FROM ${tables.work('pending')} WHERE 1 = 0`,
    };
  }
  return {
    name: 'retrieved',
    sql: `CREATE OR REPLACE TABLE ${target} AS
WITH asked AS (
  SELECT p.source_system, p.source_id, p.search_text FROM ${tables.work('pending')} p
  WHERE NOT EXISTS (SELECT 1 FROM ${tables.work('identifier_routes')} r WHERE ${keyEquals('r', 'p')} AND r.route = 'exact')
), found AS (
  SELECT a.source_system, a.source_id, v.ciq_id, CAST(v.search_score AS DOUBLE) AS score
  FROM asked a,
  LATERAL (SELECT * FROM vector_search(index => ${sqlString(o.vectorIndex)}, query_text => a.search_text, num_results => ${o.config.topK})) v
), best AS (
  SELECT source_system, source_id, ciq_id, MAX(CASE WHEN isnan(score) THEN 0 ELSE score END) AS score
  FROM found GROUP BY source_system, source_id, ciq_id
)
SELECT b.*, ROW_NUMBER() OVER (PARTITION BY source_system, source_id ORDER BY score DESC NULLS LAST, ciq_id ASC) - 1 AS rank
FROM best b`,
  };
}

/**
 * core's mergeCandidates: the retrieved top-k, then every identifier-hit entity not already among
 * them (hit order), ranked after them with the lowest retrieved score (0 when none was retrieved).
 */
export function candidatesStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables } = o;
  return {
    name: 'candidates',
    sql: `CREATE OR REPLACE TABLE ${tables.work('candidates')} AS
WITH retrieved AS (
  SELECT source_system, source_id, ciq_id, score, rank FROM ${tables.work('retrieved')} WHERE rank < ${o.config.topK}
), stats AS (
  SELECT source_system, source_id, COUNT(*) AS n, MIN(score) AS lowest FROM retrieved GROUP BY source_system, source_id
), extra AS (
  SELECT h.source_system, h.source_id, h.ciq_id,
    ROW_NUMBER() OVER (PARTITION BY h.source_system, h.source_id ORDER BY h.hit_order ASC) - 1 AS extra_order
  FROM ${tables.work('identifier_routes')} h
  WHERE h.route <> 'exact' AND NOT EXISTS (SELECT 1 FROM retrieved r WHERE ${keyEquals('r', 'h')} AND r.ciq_id = h.ciq_id)
)
SELECT source_system, source_id, ciq_id, score, rank, 'retrieval' AS channel FROM retrieved
UNION ALL
SELECT e.source_system, e.source_id, e.ciq_id, COALESCE(s.lowest, CAST(0 AS DOUBLE)) AS score, COALESCE(s.n, 0) + e.extra_order AS rank, 'identifier' AS channel
FROM extra e LEFT JOIN stats s ON ${keyEquals('s', 'e')}`,
  };
}
