import type { Database } from '../db/database.js';

/** Columns gold.review_decisions gained after the first release (see sql/032_gold_review_decisions.sql). */
export const LATER_AUDIT_COLUMNS = ['before_row', 'undoes'] as const;

/**
 * Add the audit columns a database made before they existed lacks (NULL for old entries:
 * those decisions cannot be undone, and say so). A no-op, without taking a write, when the
 * columns are there. Until the DDL has versioned migrations this is the upgrade path.
 */
export async function ensureReviewAuditColumns(db: Database): Promise<void> {
  const present = await db.all<{ column_name: string }>(
    `SELECT column_name FROM duckdb_columns() WHERE schema_name = 'gold' AND table_name = 'review_decisions'`,
    [],
    'review audit columns',
  );
  if (present.length === 0) return;
  const have = new Set(present.map((c) => c.column_name));
  const missing = LATER_AUDIT_COLUMNS.filter((c) => !have.has(c));
  // Read-only opens cannot add them; the next command that writes (any em run or ingest) does.
  if (db.access === 'read') return;
  for (const column of missing) {
    await db.run(
      `ALTER TABLE gold.review_decisions ADD COLUMN IF NOT EXISTS ${column} VARCHAR`,
      [],
      'review audit columns',
    );
  }
}
