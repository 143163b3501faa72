import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';

export type RunKind = 'ingest' | 'match';

export interface RunCounts {
  readonly rowsRead?: number;
  readonly rowsLoaded?: number;
  readonly rowsQuarantined?: number;
  readonly rowsProcessed?: number;
}

/** ops.runs: one row per ingest or match run. */
export const runLog = {
  /** Record a run as started (committed at once, so a crash leaves it 'running'). */
  async start(
    db: Database,
    kind: RunKind,
    config: unknown,
    watermark: string | null = null,
  ): Promise<string> {
    const runId = randomUUID();
    await db.run(
      `INSERT INTO ops.runs (run_id, kind, started_at, status, rows_read, rows_loaded, rows_quarantined, rows_processed, watermark, config)
       VALUES ($1, $2, now(), 'running', 0, 0, 0, 0, $3::TIMESTAMPTZ, $4)`,
      [runId, kind, watermark, JSON.stringify(config)],
      'run log',
    );
    return runId;
  },

  async addProcessed(db: Database, runId: string, n: number): Promise<void> {
    await db.run(
      'UPDATE ops.runs SET rows_processed = rows_processed + $2 WHERE run_id = $1',
      [runId, n],
      'run log',
    );
  },

  async finish(
    db: Database,
    runId: string,
    status: 'succeeded' | 'failed',
    counts: RunCounts,
    message: string | null,
  ) {
    await db.run(
      `UPDATE ops.runs SET status = $2, finished_at = now(),
         rows_read = coalesce($3, rows_read), rows_loaded = coalesce($4, rows_loaded),
         rows_quarantined = coalesce($5, rows_quarantined), rows_processed = coalesce($6, rows_processed),
         message = $7
       WHERE run_id = $1`,
      [
        runId,
        status,
        counts.rowsRead ?? null,
        counts.rowsLoaded ?? null,
        counts.rowsQuarantined ?? null,
        counts.rowsProcessed ?? null,
        message,
      ],
      'run log',
    );
  },

  /** Runs still 'running' belong to a process that died: mark them failed. Returns how many. */
  async failAbandoned(db: Database, byRunId: string): Promise<number> {
    const rows = await db.all<{ run_id: string }>(
      `UPDATE ops.runs SET status = 'failed', finished_at = now(),
         message = 'abandoned: the process stopped before the run finished; superseded by run ' || $1
       WHERE status = 'running' AND run_id <> $1 RETURNING run_id`,
      [byRunId],
      'run log',
    );
    return rows.length;
  },
};
