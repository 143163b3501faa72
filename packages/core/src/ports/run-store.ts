import type { SourceEntity } from '../schemas/source-entity.js';
import type { MatchSink } from './match-sink.js';

/** A source as a run reads it: with an opaque version (a content hash) that its gold row records. */
export interface VersionedSource extends SourceEntity {
  readonly version: string;
}

/** Where the next pending page starts: strictly after this key, in (source_system, source_id) order. */
export interface PendingCursor {
  readonly sourceSystem: string;
  readonly sourceId: string;
}

/** How a run ended, as the run log records it. Counts left out keep what the store already has. */
export interface RunOutcome {
  readonly status: 'succeeded' | 'failed';
  readonly rowsRead?: number;
  readonly rowsProcessed?: number;
  readonly message: string | null;
}

/**
 * What a matching run needs from an engine's tables: the run log, the sources still to decide
 * (keyset pages, so writing gold between pages cannot shift them) and a sink for the results.
 * Both engines implement it; `runMatchingJob` is the one loop over it.
 */
export interface RunStore {
  /** Log a match run as started (committed at once) and mark runs a stopped process left 'running' as failed. */
  startRun(config: unknown): Promise<{ runId: string; abandonedRuns: number }>;
  /** Sources to decide (missing from gold or decided from another version; all with `full`; never human decisions) and all sources. */
  countPending(full: boolean): Promise<{ pending: number; total: number }>;
  readPendingPage(page: {
    readonly full: boolean;
    readonly after: PendingCursor | null;
    readonly pageSize: number;
  }): Promise<VersionedSource[]>;
  /** The sink a run writes to: each upsert records the run id, the threshold and each source's version. */
  sink(run: {
    readonly runId: string;
    readonly autoMatchThreshold: number;
    readonly onCommitted?: ((rows: number) => void) | undefined;
  }): MatchSink;
  finishRun(runId: string, outcome: RunOutcome): Promise<void>;
}
