import type { MatchMethod, MatchResult } from '@em/core';

/** What a matching run did; the same shape as the embedded engine's RunReport, so the CLI prints either. */
export interface DatabricksRunReport {
  readonly runId: string;
  readonly processed: number;
  readonly skippedUnchanged: number;
  readonly byMethod: Partial<Record<MatchMethod, number>>;
  readonly autoMatched: number;
  readonly inReview: number;
  readonly noMatch: number;
  readonly costUsd: number;
  readonly costPerEntity: number;
  readonly durationMs: number;
  readonly entitiesPerSecond: number;
  readonly abandonedRuns: number;
}

/** Running totals over the batches of a run. */
export interface RunTally {
  processed: number;
  byMethod: Partial<Record<MatchMethod, number>>;
  autoMatched: number;
  inReview: number;
  noMatch: number;
  costUsd: number;
}

export const emptyTally = (): RunTally => ({
  processed: 0,
  byMethod: {},
  autoMatched: 0,
  inReview: 0,
  noMatch: 0,
  costUsd: 0,
});

export function tallyRun(results: readonly MatchResult[], into: RunTally): void {
  for (const r of results) {
    into.processed++;
    into.byMethod[r.match_method] = (into.byMethod[r.match_method] ?? 0) + 1;
    if (r.auto_matched) into.autoMatched++;
    if (r.needs_review) into.inReview++;
    if (r.matched_ciq_id === null) into.noMatch++;
    into.costUsd += r.cost_usd;
  }
}
