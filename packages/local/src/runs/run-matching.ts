import {
  type CascadeBackends,
  type CascadeConfigInput,
  parseCascadeConfig,
  type RunReport,
  runMatchingJob,
} from '@em/core';
import type { Database } from '../db/database.js';
import { DuckDbReferenceLookup } from '../ports/duckdb-reference-lookup.js';
import { defaultBackends } from './default-backends.js';
import { DuckDbRunStore } from './duckdb-run-store.js';

export const ENGINE_VERSION = 'em-local@0.1.0';

export interface RunOptions {
  /** Decide every source again, not only new or changed ones (human decisions stay). */
  readonly full?: boolean;
  readonly config?: CascadeConfigInput;
  /** Stages 2–4; when absent, the index and model beside the database and the configured LLM (see defaultBackends). */
  readonly backends?: Partial<Pick<CascadeBackends, 'retriever' | 'scorer' | 'adjudicator'>>;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called after each batch is committed to gold, with the rows it held (crash tests wait on it). */
  readonly onBatchCommitted?: (rows: number) => void;
}

/** One matching run on the embedded engine: core's runMatchingJob over the DuckDB run store. */
export async function runMatching(db: Database, options: RunOptions = {}): Promise<RunReport> {
  const parsed = parseCascadeConfig(options.config ?? {});
  const { backends, config, close } = options.backends
    ? { backends: options.backends, config: parsed, close: async () => {} }
    : await defaultBackends(db, parsed);
  try {
    return await runMatchingJob(
      new DuckDbRunStore(db),
      { lookup: new DuckDbReferenceLookup(db), ...backends },
      config,
      {
        full: options.full ?? false,
        engineVersion: ENGINE_VERSION,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.onBatchCommitted ? { onBatchCommitted: options.onBatchCommitted } : {}),
      },
    );
  } finally {
    await close();
  }
}
