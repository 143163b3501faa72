import { type CascadeBackends, parseCascadeConfig, type RunReport, runMatchingJob } from '@em/core';
import type { EngineRunOptions } from '@em/core/engine';
import { DatabricksRunStore } from '../sql/databricks-run-store.js';
import type { SqlClient } from '../sql/sql-client.js';

export const ENGINE_VERSION = 'em-databricks@0.1.0';

/** What a matching run on Databricks did: @em/core's RunReport, as the embedded engine reports it. */
export type DatabricksRunReport = RunReport;

/** The options of a matching run, as every engine takes them (`llmApiKey` is unused: stage 4 is a Foundation Model). */
export interface DatabricksRunOptions extends EngineRunOptions {
  /** Replace a stage backend (e.g. another retriever). */
  readonly backends?: Partial<Pick<CascadeBackends, 'lookup' | 'retriever' | 'scorer' | 'adjudicator'>>;
  /** Sources read per page (default 10,000); the cascade cuts pages into config.batchSize batches. */
  readonly pageSize?: number;
}

/** One matching run on Unity Catalog: core's runMatchingJob over the Databricks run store. */
export function runMatchingOnDatabricks(
  sql: SqlClient,
  backends: Omit<CascadeBackends, 'sink'>,
  options: DatabricksRunOptions = {},
): Promise<DatabricksRunReport> {
  return runMatchingJob(
    new DatabricksRunStore(sql),
    { ...backends, ...options.backends },
    parseCascadeConfig(options.config ?? {}),
    {
      full: options.full ?? false,
      engineVersion: ENGINE_VERSION,
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onBatchCommitted ? { onBatchCommitted: options.onBatchCommitted } : {}),
    },
  );
}
