import type { Database } from '../db/database.js';
import type { EntityKind } from './entity-columns.js';

/** Longest raw_record kept in gold.quarantine; longer ones are cut with a note. */
export const MAX_RAW_RECORD = 8192;

export interface QuarantineSample {
  readonly line: number | null;
  readonly reason: string;
}

/** Move every row of `em_stage_rejects` into gold.quarantine; returns how many and the first few. */
export async function quarantineRejects(
  db: Database,
  runId: string,
  kind: EntityKind,
  file: string,
  sampleSize = 5,
): Promise<{ count: number; samples: QuarantineSample[] }> {
  await db.run(
    `INSERT INTO gold.quarantine
     SELECT uuid()::VARCHAR, $1, $2, $3, line,
            CASE WHEN length(raw) > ${MAX_RAW_RECORD}
                 THEN left(raw, ${MAX_RAW_RECORD}) || '… (cut; ' || length(raw) || ' characters in all)'
                 ELSE raw END,
            coalesce(reason, 'rejected by the reader (no reason given)'), now()
     FROM em_stage_rejects`,
    [runId, kind, file],
    'quarantine',
  );
  const { count } = await db.one<{ count: number }>(
    'SELECT count(*) AS count FROM em_stage_rejects',
    [],
    'quarantine',
  );
  const samples = await db.all<QuarantineSample>(
    'SELECT line, reason FROM em_stage_rejects ORDER BY line NULLS LAST, reason LIMIT $1',
    [sampleSize],
    'quarantine',
  );
  return { count, samples };
}
