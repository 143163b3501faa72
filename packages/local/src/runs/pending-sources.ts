import { MATCH_STAGES, type SourceEntity } from '@em/core';
import type { Database } from '../db/database.js';

export interface PendingSource extends SourceEntity {
  readonly content_hash: string;
}

/**
 * Fill temp table `em_pending` (n, source_id, source_system) with the sources a run must decide:
 * every one whose gold row is missing, was decided from another content hash, was decided at
 * stage 3 by another pair model than `modelVersion` (after `em train`, the new model rescores
 * them), or was left at stage 2 unscored for want of a model — all of them with `full` —
 * never one a human decided. Exact-identifier and LLM decisions do not depend on the
 * pair model's version and stay. Returns { pending, total }.
 */
export async function selectPending(
  db: Database,
  full: boolean,
  modelVersion: string | null = null,
  /** Resuming an unfinished --full pass: also every gold row no run since this time has written. */
  fullSince: string | null = null,
): Promise<{ pending: number; total: number }> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_pending AS
     SELECT row_number() OVER (ORDER BY s.source_system, s.source_id) AS n, s.source_id, s.source_system
     FROM bronze.source_entities s
     LEFT JOIN gold.matched_entities g ON g.source_id = s.source_id AND g.source_system = s.source_system
     WHERE g.match_method IS DISTINCT FROM 'human_review'
       AND ($1 OR g.content_hash IS DISTINCT FROM s.content_hash
            OR ($2::VARCHAR IS NOT NULL AND (
                 -- gold keeps "<engine>/<model>" (result-building.ts)
                 (g.match_stage = '${MATCH_STAGES.pairModel}' AND NOT ends_with(coalesce(g.model_version, ''), '/' || $2::VARCHAR)
                   AND g.model_version IS DISTINCT FROM $2::VARCHAR)
                 -- left for review because no model scored it (confidence 0), not "nothing found"
                 OR (g.match_stage = '${MATCH_STAGES.retrieval}' AND g.match_confidence = 0)))
            OR ($3::TIMESTAMPTZ IS NOT NULL AND g.run_id NOT IN
                (SELECT run_id FROM ops.runs WHERE kind = 'match' AND started_at >= $3::TIMESTAMPTZ)))`,
    [full, modelVersion, fullSince],
    'selecting sources',
  );
  return db.one<{ pending: number; total: number }>(
    `SELECT (SELECT count(*) FROM em_pending) AS pending, (SELECT count(*) FROM bronze.source_entities) AS total`,
    [],
    'selecting sources',
  );
}

/** Sources n in [from, to) of `em_pending`, in order. */
export async function readPending(db: Database, from: number, to: number): Promise<PendingSource[]> {
  return db.all<PendingSource>(
    `SELECT s.source_id, s.source_system, s.company_name, s.ticker, s.lei, s.cusip, s.isin, s.country, s.industry,
            s.content_hash
     FROM em_pending p JOIN bronze.source_entities s ON s.source_id = p.source_id AND s.source_system = p.source_system
     WHERE p.n >= $1 AND p.n < $2 ORDER BY p.n`,
    [from, to],
    'reading sources',
  );
}
