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

/** Which sources a run must decide (see RunStore.countPending). */
export interface PendingCriteria {
  /** Decide every source again (human decisions stay). */
  readonly full: boolean;
  /** The run's pair model: rows decided at stage 3 by another model, or left unscored, are pending. */
  readonly modelVersion: string | null;
  /** Resuming an unfinished --full pass begun at this instant: every row no match run since then wrote is pending. */
  readonly fullSince: string | null;
}

/** A `--full` run that stopped before it finished (killed, crashed or failed). */
export interface UnfinishedFullRun {
  readonly runId: string;
  readonly startedAt: string;
  /** When the --full pass it belongs to began: gold rows written before then still need redoing. */
  readonly since: string;
  /** Gold rows it (and the resumes after it) had decided. */
  readonly done: number;
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
  /**
   * The latest --full pass that never finished (a run that resumes one records `fullSince` in
   * its config, so a killed resume is found again), or null. Stores without a run history to
   * search leave it out, and their runs never resume.
   */
  findUnfinishedFullRun?(): Promise<UnfinishedFullRun | null>;
  /** Log a match run as started (committed at once) and mark runs a stopped process left 'running' as failed. */
  startRun(config: unknown): Promise<{ runId: string; abandonedRuns: number }>;
  /** Sources to decide (missing from gold, decided from another version or model; all with `full`; never human decisions) and all sources. */
  countPending(criteria: PendingCriteria): Promise<{ pending: number; total: number }>;
  readPendingPage(page: {
    readonly criteria: PendingCriteria;
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
