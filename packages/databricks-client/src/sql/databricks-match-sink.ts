import { type MatchResult, type MatchSink, type PortCapabilities, sourceKey } from '@em/core';
import { GOLD_COLUMNS, goldMergeSql, goldRow, rowsParam, runProgressSql } from '@em/sql';
import type { SqlClient } from './sql-client.js';

export interface DatabricksMatchSinkOptions {
  /** Written to gold.run_id; each MERGE also adds its rows to this run's rows_processed. */
  readonly runId?: string | null;
  /** The threshold the results were decided with (gold.auto_match_threshold drives needs_review). */
  readonly autoMatchThreshold: number;
  readonly capabilities?: Partial<PortCapabilities>;
  /** Called after each committed MERGE with its row count. */
  readonly onCommitted?: ((rows: number) => void) | undefined;
}

/** Where cascade results land on Unity Catalog: @em/sql's gold MERGE. Writing a batch twice changes nothing. */
export class DatabricksMatchSink implements MatchSink {
  readonly capabilities: PortCapabilities;
  private readonly statement: string;

  constructor(
    private readonly sql: SqlClient,
    private readonly options: DatabricksMatchSinkOptions,
  ) {
    this.capabilities = { maxBatchSize: 1_000, maxParallelCalls: 1, ...options.capabilities };
    this.statement = goldMergeSql(sql.target);
  }

  async upsert(results: readonly MatchResult[]): Promise<void> {
    if (results.length === 0) return;
    const { runId = null, autoMatchThreshold } = this.options;
    // Delta rejects a MERGE whose source holds one key twice: keep the last result per key.
    const byKey = new Map(results.map((r) => [sourceKey(r), r]));
    const rows = [...byKey.values()].map((r) => goldRow(r, { runId, autoMatchThreshold }));
    await this.sql.run(this.statement, { rows: rowsParam(GOLD_COLUMNS, rows) }, 'writing gold');
    if (runId)
      await this.sql.run(runProgressSql(this.sql.target), { run_id: runId, rows: rows.length }, 'run log');
    this.options.onCommitted?.(rows.length);
  }
}
