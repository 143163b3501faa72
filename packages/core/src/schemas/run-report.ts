import type { MatchMethod } from './match-result.js';

/** What one matching run did, as every engine reports it (the CLI prints either engine's). */
export interface RunReport {
  readonly runId: string;
  /** Sources decided by this run. */
  readonly processed: number;
  /** Sources left alone: unchanged since they were decided, or decided by a human. */
  readonly skippedUnchanged: number;
  readonly byMethod: Partial<Record<MatchMethod, number>>;
  readonly autoMatched: number;
  readonly inReview: number;
  /** Results without a matched ciq_id. */
  readonly noMatch: number;
  readonly costUsd: number;
  readonly costPerEntity: number;
  readonly durationMs: number;
  readonly entitiesPerSecond: number;
  /** Earlier runs found still 'running' (a crashed process) and marked failed. */
  readonly abandonedRuns: number;
}
