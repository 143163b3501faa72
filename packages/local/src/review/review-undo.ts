import { InputError } from '@em/core';
import type { Database } from '../db/database.js';
import { DECISION_COLUMNS, type DecisionRecord } from './review-history.js';

export interface UndoRequest {
  readonly source_id: string;
  readonly source_system: string;
  readonly decidedBy: string;
  readonly note?: string;
}

interface Target {
  decision_id: string;
  after_ciq_id: string | null;
  before_row: string | null;
  gold_method: string;
  gold_ciq_id: string | null;
}

const label = (r: { source_id: string; source_system: string }) => `${r.source_system}/${r.source_id}`;

/**
 * Undo the latest decision of a case that is still in force: the gold row goes back to exactly
 * what it was before (every column, from the audit's before_row), and a new audit entry records
 * who undid it (undoes = the reverted decision_id). Nothing is deleted. Undoing again reverts
 * the decision before that one. Refused, naming the reason, when there is nothing to undo, the
 * entry predates before_row, or the gold row no longer holds that decision's outcome.
 */
export async function undoLastDecision(db: Database, request: UndoRequest): Promise<DecisionRecord> {
  if (request.decidedBy.trim() === '') throw new InputError('An undo needs decidedBy (who undid it).');
  return db.transaction(async () => {
    const [target] = await db.all<Target>(
      `SELECT d.decision_id, d.after_ciq_id, d.before_row, g.match_method AS gold_method, g.matched_ciq_id AS gold_ciq_id
       FROM gold.review_decisions d
       JOIN gold.matched_entities g ON g.source_id = d.source_id AND g.source_system = d.source_system
       WHERE d.source_id = $1 AND d.source_system = $2 AND d.undoes IS NULL
         AND d.decision_id NOT IN (SELECT undoes FROM gold.review_decisions WHERE undoes IS NOT NULL)
       ORDER BY d.decided_at DESC LIMIT 1`,
      [request.source_id, request.source_system],
      'review undo',
    );
    if (!target) throw new InputError(`${label(request)} has no decision left to undo.`);
    if (target.before_row === null) {
      throw new InputError(
        `Decision ${target.decision_id} on ${label(request)} was recorded before em kept the prior gold row, so it cannot be restored exactly; decide the case again instead.`,
      );
    }
    if (target.gold_method !== 'human_review' || target.gold_ciq_id !== target.after_ciq_id) {
      throw new InputError(
        `${label(request)} no longer holds the outcome of decision ${target.decision_id} (it is now ${target.gold_method} ${target.gold_ciq_id ?? 'no match'}); decide the case again instead.`,
      );
    }
    const note = `undo of ${target.decision_id}${request.note ? `; ${request.note}` : ''}`;
    await db.run(
      `INSERT INTO gold.review_decisions (decision_id, source_id, source_system, decided_by, decided_at,
         before_ciq_id, before_confidence, before_method, after_ciq_id, note, before_row, undoes)
       SELECT uuid()::VARCHAR, g.source_id, g.source_system, $3,
         greatest(now()::TIMESTAMP, (SELECT max(decided_at) + INTERVAL '1 microsecond' FROM gold.review_decisions
                                     WHERE source_id = $1 AND source_system = $2)),
         g.matched_ciq_id, g.match_confidence, g.match_method, json_extract_string($4, '$.matched_ciq_id'),
         $5, to_json(g)::VARCHAR, $6
       FROM gold.matched_entities g WHERE g.source_id = $1 AND g.source_system = $2`,
      [
        request.source_id,
        request.source_system,
        request.decidedBy,
        target.before_row,
        note,
        target.decision_id,
      ],
      'review undo',
    );
    await restoreGoldRow(db, request, target.before_row);
    const [record] = await db.all<DecisionRecord>(
      `SELECT ${DECISION_COLUMNS}
       FROM gold.review_decisions d LEFT JOIN bronze.reference_entities r ON r.ciq_id = d.after_ciq_id
       WHERE d.undoes = $1`,
      [target.decision_id],
      'review undo',
    );
    return record!;
  });
}

/** Write every stored (non-generated) column of the gold row back from its JSON snapshot. */
async function restoreGoldRow(
  db: Database,
  key: { source_id: string; source_system: string },
  snapshot: string,
): Promise<void> {
  const columns = await db.all<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM duckdb_columns()
     WHERE schema_name = 'gold' AND table_name = 'matched_entities' AND column_default IS NULL
       AND column_name NOT IN ('source_id', 'source_system')
     ORDER BY column_index`,
    [],
    'review undo',
  );
  const sets = columns.map(
    (c) => `"${c.column_name}" = CAST(json_extract_string($1, '$.${c.column_name}') AS ${c.data_type})`,
  );
  await db.run(
    `UPDATE gold.matched_entities SET ${sets.join(', ')} WHERE source_id = $2 AND source_system = $3`,
    [snapshot, key.source_id, key.source_system],
    'review undo',
  );
}
