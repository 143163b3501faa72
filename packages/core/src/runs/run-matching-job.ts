import type { CascadeBackends } from '../cascade/cascade-types.js';
import { runCascade } from '../cascade/run-cascade.js';
import { RunTally } from '../cascade/run-tally.js';
import type { CascadeConfig } from '../config/cascade-config.js';
import type { PendingCriteria, PendingCursor, RunStore } from '../ports/run-store.js';
import type { MatchResult } from '../schemas/match-result.js';
import type { RunReport } from '../schemas/run-report.js';
import { llmRunReport } from './llm-run-report.js';

/** The stage backends of a run; the store supplies the sink. */
export type JobBackends = Omit<CascadeBackends, 'sink'>;

export interface RunMatchingJobOptions {
  /** Decide every source again, not only new or changed ones (human decisions stay). */
  readonly full?: boolean;
  /** Sources read per page (default 10,000); the cascade cuts pages into config.batchSize batches. */
  readonly pageSize?: number;
  /** Prefixed to every model_version, e.g. `em-local@0.1.0`. */
  readonly engineVersion?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called after each batch is committed, with its row count (crash tests wait on it). */
  readonly onBatchCommitted?: (rows: number) => void;
  /** Called with each page's results once they are committed (e.g. to estimate auto-match precision). */
  readonly onResults?: (results: readonly MatchResult[]) => void;
  /** Milliseconds since some origin, for the report's duration. Default performance.now. */
  readonly clock?: () => number;
}

/**
 * One matching run, the same on every engine: finish an earlier --full pass that stopped early
 * (whatever this run's flags), log it as started (and mark runs a stopped process left
 * 'running' as failed), read the pending sources in keyset pages, run the cascade
 * on each page with the store's sink (each batch is committed before the next starts, so a
 * killed run loses nothing and a rerun redoes only what was not committed), and log how it ended.
 * A failure is logged with the message and rethrown; counts then stay as the store committed them.
 */
export async function runMatchingJob(
  store: RunStore,
  backends: JobBackends,
  config: CascadeConfig,
  options: RunMatchingJobOptions = {},
): Promise<RunReport> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const full = options.full ?? false;
  const pageSize = options.pageSize ?? 10_000;
  const resumed = full ? null : ((await store.findUnfinishedFullRun?.()) ?? null);
  const criteria: PendingCriteria = {
    full,
    modelVersion: backends.scorer?.modelVersion ?? null,
    fullSince: resumed?.since ?? null,
  };
  const { runId, abandonedRuns } = await store.startRun({
    full: full || resumed !== null,
    ...(resumed ? { fullSince: resumed.since } : {}),
    ...config,
  });
  const tally = new RunTally();
  try {
    const { pending, total } = await store.countPending(criteria);
    options.onProgress?.(0, pending);
    const sink = store.sink({
      runId,
      autoMatchThreshold: config.autoMatchThreshold,
      onCommitted: options.onBatchCommitted,
    });
    let after: PendingCursor | null = null;
    for (;;) {
      const page = await store.readPendingPage({ criteria, after, pageSize });
      if (page.length === 0) break;
      const done = tally.processed;
      const results = await runCascade(page, { ...backends, sink }, config, {
        ...(options.engineVersion ? { engineVersion: options.engineVersion } : {}),
        onProgress: (n) => options.onProgress?.(done + n, pending),
      });
      tally.add(results);
      options.onResults?.(results);
      const last = page.at(-1)!;
      after = { sourceSystem: last.source_system, sourceId: last.source_id };
      if (page.length < pageSize) break;
    }
    await store.finishRun(runId, {
      status: 'succeeded',
      rowsRead: tally.processed,
      rowsProcessed: tally.processed,
      message: null,
    });
    const llm = llmRunReport(backends.adjudicator);
    return {
      ...tally.report(runId, total - tally.processed, clock() - started, abandonedRuns),
      ...(llm ? { llm } : {}),
      ...(resumed
        ? { resumedFullRun: { runId: resumed.runId, startedAt: resumed.startedAt, done: resumed.done } }
        : {}),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.finishRun(runId, { status: 'failed', message }).catch(() => undefined);
    throw error;
  }
}
