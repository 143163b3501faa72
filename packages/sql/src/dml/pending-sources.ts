import { MATCH_STAGES, type PendingCriteria, SOURCE_COLUMNS } from '@em/core';
import { asTimestamp, param, type SqlTarget, tableName } from './sql-target.js';

/**
 * A source needs deciding when its gold row is missing or was decided from another version
 * (content hash) of it — any, with :full — and never when a human decided it. Also, with
 * :model_version set (the run's pair model): a row decided at stage 3 by another model (gold
 * keeps "<engine>/<model>"), and one left at stage 2 unscored for want of a model (confidence 0,
 * not "nothing found"); exact-identifier and LLM decisions do not depend on the model and stay.
 * With :full_since set (resuming an unfinished --full pass): every row no match run since then wrote.
 */
const pendingWhere = (target: SqlTarget) => {
  const [full, model, since] = [
    param(target, 'full'),
    param(target, 'model_version'),
    param(target, 'full_since'),
  ];
  const modelVersion = `CAST(${model} AS STRING)`;
  return `(g.match_method IS NULL OR g.match_method <> 'human_review')
    AND (${full} OR g.content_hash IS NULL OR g.content_hash <> s.content_hash
      OR (${modelVersion} IS NOT NULL AND (
           (g.match_stage = '${MATCH_STAGES.pair_model}' AND coalesce(g.model_version, '') <> ${modelVersion}
             AND right(coalesce(g.model_version, ''), length(${modelVersion}) + 1) <> concat('/', ${modelVersion}))
           OR (g.match_stage = '${MATCH_STAGES.retrieval}' AND g.match_confidence = 0)))
      OR (CAST(${since} AS STRING) IS NOT NULL AND (g.run_id IS NULL OR g.run_id NOT IN (
           SELECT run_id FROM ${tableName(target, 'ops.runs')}
           WHERE kind = 'match' AND started_at >= ${asTimestamp(target, since)}))))`;
};

/** The named parameters of the pending statements, from the run's criteria. */
export const pendingParams = (c: PendingCriteria) => ({
  full: c.full,
  model_version: c.modelVersion,
  full_since: c.fullSince,
});

const from = (target: SqlTarget) => `${tableName(target, 'bronze.source_entities')} s
  LEFT JOIN ${tableName(target, 'gold.matched_entities')} g ON g.source_id = s.source_id AND g.source_system = s.source_system`;

const SELECT = `SELECT ${SOURCE_COLUMNS.map((c) => `s.${c}`).join(', ')}, s.content_hash AS version`;

/** `pending, total`: how many sources a run must decide (parameters :full, :model_version, :full_since) and how many there are. */
export function pendingCountSql(target: SqlTarget): string {
  return `/* em:pending-count */
SELECT count(*) FILTER (WHERE ${pendingWhere(target)}) AS pending, count(*) AS total
FROM ${from(target)}`;
}

/** `alias` strictly after the cursor (:after_system, :after_id; '' sorts first) in (source_system, source_id) order. */
export function afterCursorSql(target: SqlTarget, alias: string): string {
  const [system, id] = [param(target, 'after_system'), param(target, 'after_id')];
  return `(${alias}.source_system > ${system} OR (${alias}.source_system = ${system} AND ${alias}.source_id > ${id}))`;
}

/** Every pending source (parameters as pendingCountSql) with its version, in key order: for an engine that snapshots the set once. */
export function pendingSourcesSql(target: SqlTarget): string {
  return `${SELECT}
FROM ${from(target)}
WHERE ${pendingWhere(target)}
ORDER BY s.source_system, s.source_id`;
}

/**
 * The next page of pending sources after the cursor, in key order, with `version` (the content
 * hash). Keyset paging: writing gold between pages cannot shift the pages, so a run reads each
 * pending source once.
 */
export function pendingPageSql(target: SqlTarget, pageSize: number): string {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError('pageSize must be a positive integer');
  return `/* em:pending-page */
${SELECT}
FROM ${from(target)}
WHERE ${pendingWhere(target)}
  AND ${afterCursorSql(target, 's')}
ORDER BY s.source_system, s.source_id
LIMIT ${pageSize}`;
}
