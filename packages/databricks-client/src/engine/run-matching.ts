import {
  type CascadeBackends,
  type CascadeConfigInput,
  parseCascadeConfig,
  type RunReport,
  runMatchingJob,
} from '@em/core';
import { DatabricksRunStore } from '../sql/databricks-run-store.js';
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
