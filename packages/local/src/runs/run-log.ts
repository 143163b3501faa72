import { randomUUID } from 'node:crypto';
import { runFailAbandonedSql, runFinishSql, runStartSql } from '@em/sql';
import type { Database } from '../db/database.js';

export type RunKind = 'ingest' | 'match';

export interface RunCounts {
  readonly rowsRead?: number;
  readonly rowsLoaded?: number;
  readonly rowsQuarantined?: number;
  readonly rowsProcessed?: number;
}

const TARGET = { dialect: 'duckdb' } as const;

/** ops.runs for ingests (matching runs go through DuckDbRunStore), with @em/sql's run-log statements. */
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
      runStartSql(TARGET),
      { run_id: runId, kind, watermark, config: JSON.stringify(config) },
      'run log',
    );
    return runId;
  },

  async finish(
    db: Database,
    runId: string,
    status: 'succeeded' | 'failed',
    counts: RunCounts,
    message: string | null,
  ): Promise<void> {
    await db.run(
      runFinishSql(TARGET),
      {
        run_id: runId,
        status,
        message,
        rows_read: counts.rowsRead ?? null,
        rows_loaded: counts.rowsLoaded ?? null,
        rows_quarantined: counts.rowsQuarantined ?? null,
        rows_processed: counts.rowsProcessed ?? null,
      },
      'run log',
    );
  },

  /** Runs still 'running' belong to a process that died: mark them failed. Returns how many. */
  async failAbandoned(db: Database, byRunId: string): Promise<number> {
    return (await db.all(runFailAbandonedSql(TARGET), { run_id: byRunId }, 'run log')).length;
  },
};
