import type { SourceEntity } from '@em/core';
import type { Database } from '../db/database.js';

/** A human decision as a training label: this source is `ciq_id` (null: it is in no reference row). */
export interface ReviewLabel {
  readonly source: SourceEntity;
  readonly ciq_id: string | null;
  readonly decided_at: string;
  readonly decided_by: string;
}

type Row = SourceEntity & { readonly label_ciq_id: string | null; decided_at: string; decided_by: string };

/**
 * The latest review decision (not undone, and not an undo entry) of every case whose source record is still in bronze, as labels
 * for `em train` (a chosen ciq_id is a positive pair, "no match" makes every candidate a
 * negative). Ordered by source_system, source_id. Accepts the engine or its Database.
 */
export async function reviewDecisionLabels(
  from: Database | { readonly db: Database },
): Promise<ReviewLabel[]> {
  const db = 'db' in from ? from.db : from;
  const rows = await db.all<Row>(
    `SELECT s.source_id, s.source_system, s.company_name, s.ticker, s.lei, s.cusip, s.isin, s.country, s.industry,
            d.after_ciq_id AS label_ciq_id, d.decided_at, d.decided_by
     FROM gold.review_decisions d
     JOIN bronze.source_entities s ON s.source_id = d.source_id AND s.source_system = d.source_system
     WHERE d.undoes IS NULL
       AND d.decision_id NOT IN (SELECT undoes FROM gold.review_decisions WHERE undoes IS NOT NULL)
     QUALIFY row_number() OVER (PARTITION BY d.source_id, d.source_system ORDER BY d.decided_at DESC) = 1
     ORDER BY s.source_system, s.source_id`,
    [],
    'review labels',
  );
  return rows.map(({ label_ciq_id, decided_at, decided_by, ...source }) => ({
    source,
    ciq_id: label_ciq_id,
    decided_at,
    decided_by,
  }));
}
