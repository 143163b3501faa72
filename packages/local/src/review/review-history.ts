import type { Database } from '../db/database.js';

/** One row of gold.review_decisions with the after state spelled out (the gold row it produced). */
export interface DecisionRecord {
  readonly decision_id: string;
  readonly source_id: string;
  readonly source_system: string;
  readonly decided_by: string;
  readonly decided_at: string;
  readonly before_ciq_id: string | null;
  readonly before_confidence: number | null;
  readonly before_method: string | null;
  /** null: "no match in the reference". */
  readonly after_ciq_id: string | null;
  readonly after_company_name: string | null;
  /** 1 for a chosen company, 0 for no match; the gold row's match_method is then human_review. */
  readonly after_confidence: number;
  readonly note: string | null;
  /** On an undo entry: the decision_id it reverted (its after_ciq_id is the restored match). */
  readonly undoes: string | null;
}

/** SELECT list turning gold.review_decisions `d` (joined to the reference as `r`) into DecisionRecords. */
export const DECISION_COLUMNS = `d.decision_id, d.source_id, d.source_system, d.decided_by, d.decided_at,
  d.before_ciq_id, d.before_confidence, d.before_method, d.after_ciq_id, r.company_name AS after_company_name,
  CASE WHEN d.after_ciq_id IS NULL THEN 0.0 ELSE 1.0 END AS after_confidence, d.note, d.undoes`;

/** The audit trail, oldest first: every decision, or those of one case. */
export async function reviewDecisions(
  db: Database,
  key: { readonly source_id: string; readonly source_system: string } | null = null,
): Promise<DecisionRecord[]> {
  return db.all<DecisionRecord>(
    `SELECT ${DECISION_COLUMNS}
     FROM gold.review_decisions d LEFT JOIN bronze.reference_entities r ON r.ciq_id = d.after_ciq_id
     WHERE ($1::VARCHAR IS NULL OR (d.source_id = $1 AND d.source_system = $2))
     ORDER BY d.decided_at, d.source_system, d.source_id`,
    [key?.source_id ?? null, key?.source_system ?? null],
    'review history',
  );
}
