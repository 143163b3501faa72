import { randomUUID } from 'node:crypto';
import {
  type CascadeBackends,
  type CascadeConfigInput,
  parseCascadeConfig,
  type RunReport,
  RunTally,
  runCascade,
  sourceKey,
} from '@em/core';
import { DatabricksMatchSink } from '../sql/databricks-match-sink.js';
import { countPending, type PendingCursor, readPendingPage } from '../sql/pending-sources.js';
import { databricksRunLog } from '../sql/run-log.js';
import type { SqlClient } from '../sql/sql-client.js';

export const ENGINE_VERSION = 'em-databricks@0.1.0';

/** What a matching run on Databricks did: @em/core's RunReport, as the embedded engine reports it. */
export type DatabricksRunReport = RunReport;

/** The options of a matching run, as the embedded engine takes them. */
export interface DatabricksRunOptions {
  /** Decide every source again, not only new or changed ones (human decisions stay). */
  readonly full?: boolean;
  readonly config?: CascadeConfigInput;
  /** Replace a stage backend (e.g. another retriever). */
  readonly backends?: Partial<Pick<CascadeBackends, 'lookup' | 'retriever' | 'scorer' | 'adjudicator'>>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly onBatchCommitted?: (rows: number) => void;
  /** Sources read per page (default 10,000); the cascade cuts pages into config.batchSize batches. */
  readonly pageSize?: number;
}

/**
 * One matching run on Unity Catalog: log it in ops.runs, read the sources that are new or changed
 * since they were decided (keyset pages), run the core cascade with the Databricks backends, and
 * MERGE each batch into gold.matched_entities.
 */
export async function runMatchingOnDatabricks(
  sql: SqlClient,
  backends: Omit<CascadeBackends, 'sink'>,
  options: DatabricksRunOptions = {},
): Promise<DatabricksRunReport> {
  const started = performance.now();
  const full = options.full ?? false;
  const pageSize = options.pageSize ?? 10_000;
  const config = parseCascadeConfig(options.config ?? {});
  const runId = randomUUID();
  await databricksRunLog.start(sql, runId, { full, ...config });
  const abandonedRuns = await databricksRunLog.failAbandoned(sql, runId);
  const tally = new RunTally();
  try {
    const { pending, total } = await countPending(sql, full);
    options.onProgress?.(0, pending);
    let after: PendingCursor | null = null;
    for (;;) {
      const page = await readPendingPage(sql, { full, after, pageSize });
      if (page.length === 0) break;
      const sink = new DatabricksMatchSink(sql, {
        runId,
        autoMatchThreshold: config.autoMatchThreshold,
        contentHashes: new Map(page.map((s) => [sourceKey(s), s.content_hash])),
        ...(options.onBatchCommitted ? { onCommitted: options.onBatchCommitted } : {}),
      });
      const done = tally.processed;
      const results = await runCascade(
        page.map(({ content_hash: _, ...source }) => source),
        { ...backends, ...options.backends, sink },
        config,
        { engineVersion: ENGINE_VERSION, onProgress: (n) => options.onProgress?.(done + n, pending) },
      );
      tally.add(results);
      const last = page.at(-1)!;
      after = { sourceSystem: last.source_system, sourceId: last.source_id };
      if (page.length < pageSize) break;
    }
    await databricksRunLog.finish(
      sql,
      runId,
      'succeeded',
      { rowsRead: tally.processed, rowsProcessed: tally.processed },
      null,
    );
    return tally.report(runId, total - tally.processed, performance.now() - started, abandonedRuns);
  } catch (error) {
    await databricksRunLog
      .finish(
        sql,
        runId,
        'failed',
        { rowsRead: tally.processed, rowsProcessed: tally.processed },
        (error as Error).message,
      )
      .catch(() => undefined);
    throw error;
  }
}
