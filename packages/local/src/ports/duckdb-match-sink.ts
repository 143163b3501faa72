import { type MatchResult, type MatchSink, type PortCapabilities, sourceKey } from '@em/core';
import { GOLD_COLUMNS, goldMergeSql, goldRow, rowsParam, runProgressSql } from '@em/sql';
import type { Database } from '../db/database.js';

export interface DuckDbMatchSinkOptions {
  /** Written to gold.run_id; each upsert also adds its row count to this run's rows_processed, in the same transaction. */
  readonly runId?: string | null;
  /** The auto-match threshold the results were decided with (gold.auto_match_threshold). */
  readonly autoMatchThreshold: number;
  /** Called after each committed upsert with its size. */
  readonly onCommitted?: (rows: number) => void;
}

const TARGET = { dialect: 'duckdb' } as const;
const MERGE_SQL = goldMergeSql(TARGET);
const PROGRESS_SQL = runProgressSql(TARGET);

/**
 * Cascade results into gold.matched_entities with @em/sql's gold MERGE: writing the same
 * results twice leaves the table as it was; a row a human decided is never overwritten. Each
 * upsert commits atomically with the run log's progress.
 */
export class DuckDbMatchSink implements MatchSink {
  readonly capabilities: PortCapabilities = { maxBatchSize: 10_000, maxParallelCalls: 1 };

  constructor(
    private readonly db: Database,
    private readonly options: DuckDbMatchSinkOptions,
  ) {}

  async upsert(results: readonly MatchResult[]): Promise<void> {
    if (results.length === 0) return;
    const { runId = null, autoMatchThreshold } = this.options;
    // MERGE rejects a source holding one key twice: the last result per key wins.
    const byKey = new Map(results.map((r) => [sourceKey(r), r]));
    const rows = [...byKey.values()].map((r) => goldRow(r, { runId, autoMatchThreshold }));
    await this.db.transaction(async () => {
      await this.db.run(MERGE_SQL, { rows: rowsParam(GOLD_COLUMNS, rows) }, 'writing gold');
      if (runId) await this.db.run(PROGRESS_SQL, { run_id: runId, rows: rows.length }, 'run log');
    });
    this.options.onCommitted?.(rows.length);
  }
}
