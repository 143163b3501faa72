import type { RunOutcome } from '@em/core';
import { asTimestamp, param, type SqlTarget, tableName } from './sql-target.js';

/**
 * ops.runs statements, one row per ingest or matching run. Parameters: :run_id, :kind,
 * :watermark (ISO text or null), :config (JSON text).
 */
export function runStartSql(target: SqlTarget): string {
  const p = (n: string) => param(target, n);
  return `/* em:run-start */
INSERT INTO ${tableName(target, 'ops.runs')} (run_id, kind, started_at, status, rows_read, rows_loaded, rows_quarantined, rows_processed, watermark, config)
VALUES (${p('run_id')}, ${p('kind')}, current_timestamp, 'running', 0, 0, 0, 0, ${asTimestamp(target, p('watermark'))}, ${p('config')})`;
}

/** Add :rows to the run's rows_processed (in the same transaction as the gold rows, where the engine has one). */
export function runProgressSql(target: SqlTarget): string {
  return `/* em:run-progress */
UPDATE ${tableName(target, 'ops.runs')} SET rows_processed = rows_processed + ${param(target, 'rows')}
WHERE run_id = ${param(target, 'run_id')}`;
}

/** Close a run: :status, :message, and each count that is not null (:rows_read, :rows_loaded, :rows_quarantined, :rows_processed). */
export function runFinishSql(target: SqlTarget): string {
  const p = (n: string) => param(target, n);
  const count = (c: string) => `${c} = coalesce(${p(c)}, ${c})`;
  return `/* em:run-finish */
UPDATE ${tableName(target, 'ops.runs')} SET status = ${p('status')}, finished_at = current_timestamp,
  ${['rows_read', 'rows_loaded', 'rows_quarantined', 'rows_processed'].map(count).join(', ')},
  message = ${p('message')}
WHERE run_id = ${p('run_id')}`;
}

/** runFinishSql's parameters for a match run's outcome (a match run loads and quarantines nothing). */
export const runFinishParams = (runId: string, outcome: RunOutcome) => ({
  run_id: runId,
  status: outcome.status,
  message: outcome.message,
  rows_read: outcome.rowsRead ?? null,
  rows_loaded: null,
  rows_quarantined: null,
  rows_processed: outcome.rowsProcessed ?? null,
});

/**
 * Runs still 'running' other than :run_id belong to a process that stopped: mark them failed.
 * DuckDB returns their ids; Databricks returns num_affected_rows.
 */
export function runFailAbandonedSql(target: SqlTarget): string {
  const id = param(target, 'run_id');
  return `/* em:run-abandon */
UPDATE ${tableName(target, 'ops.runs')} SET status = 'failed', finished_at = current_timestamp,
  message = concat('abandoned: the process stopped before the run finished; superseded by run ', ${id})
WHERE status = 'running' AND run_id <> ${id}${target.dialect === 'duckdb' ? ' RETURNING run_id' : ''}`;
}
