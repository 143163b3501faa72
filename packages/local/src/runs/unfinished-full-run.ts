import type { UnfinishedFullRun } from '@em/core';
import type { Database } from '../db/database.js';

/**
 * The latest full run that never succeeded, unless a full run succeeded after it; null when
 * every --full pass finished. A run that resumes one records `fullSince` in its config, so a
 * killed resume is resumed again from the same point.
 */
export async function findUnfinishedFullRun(db: Database): Promise<UnfinishedFullRun | null> {
  const rows = await db.all<{ run_id: string; started_at: string; since: string }>(
    `SELECT run_id, strftime(started_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS started_at,
            coalesce(json_extract_string(config, '$.fullSince'), strftime(started_at, '%Y-%m-%dT%H:%M:%S.%fZ')) AS since
     FROM ops.runs
     WHERE kind = 'match' AND json_extract(config, '$.full')::BOOLEAN AND status <> 'succeeded'
       AND started_at > coalesce((SELECT max(started_at) FROM ops.runs
                                  WHERE kind = 'match' AND status = 'succeeded' AND json_extract(config, '$.full')::BOOLEAN),
                                 '-infinity'::TIMESTAMP)
     ORDER BY started_at DESC LIMIT 1`,
    [],
    'run log',
  );
  const found = rows[0];
  if (!found) return null;
  const { done } = await db.one<{ done: number }>(
    `SELECT count(*) AS done FROM gold.matched_entities g
     WHERE g.run_id IN (SELECT run_id FROM ops.runs WHERE kind = 'match' AND started_at >= $1::TIMESTAMPTZ)`,
    [found.since],
    'run log',
  );
  return { runId: found.run_id, startedAt: found.started_at, since: found.since, done };
}
