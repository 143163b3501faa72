import type { SqlClient } from './sql-client.js';

/** ops.runs on Unity Catalog: one row per matching run, as the embedded engine keeps it. */
export const databricksRunLog = {
  async start(sql: SqlClient, runId: string, config: unknown): Promise<void> {
    await sql.run(
      `/* em:run-start */
INSERT INTO ${sql.table('ops.runs')} (run_id, kind, started_at, status, rows_read, rows_loaded, rows_quarantined, rows_processed, config)
VALUES (:run_id, 'match', current_timestamp(), 'running', 0, 0, 0, 0, :config)`,
      { run_id: runId, config: JSON.stringify(config) },
      'starting the run log',
    );
  },

  /** Runs a crashed process left 'running' are marked failed; returns how many. */
  async failAbandoned(sql: SqlClient, runId: string): Promise<number> {
    const [row] = await sql.all<{ num_affected_rows?: unknown }>(
      `/* em:run-abandon */
UPDATE ${sql.table('ops.runs')} SET status = 'failed', finished_at = current_timestamp(),
  message = concat('abandoned: the process stopped before the run finished; superseded by run ', :run_id)
WHERE status = 'running' AND run_id <> :run_id`,
      { run_id: runId },
      'updating the run log',
    );
    return Number(row?.num_affected_rows ?? 0);
  },

  async finish(
    sql: SqlClient,
    runId: string,
    status: 'succeeded' | 'failed',
    counts: { rowsRead: number; rowsProcessed: number },
    message: string | null,
  ): Promise<void> {
    await sql.run(
      `/* em:run-finish */
UPDATE ${sql.table('ops.runs')} SET status = :status, finished_at = current_timestamp(),
  rows_read = :rows_read, rows_processed = :rows_processed, message = :message
WHERE run_id = :run_id`,
      { run_id: runId, status, rows_read: counts.rowsRead, rows_processed: counts.rowsProcessed, message },
      'finishing the run log',
    );
  },
};
