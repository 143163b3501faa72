import type { MatchMethod, MatchResult } from '../schemas/match-result.js';
import type { RunReport } from '../schemas/run-report.js';

/** Running totals over the batches of a run, turned into its RunReport at the end. */
export class RunTally {
  processed = 0;
  autoMatched = 0;
  inReview = 0;
  noMatch = 0;
  costUsd = 0;
  readonly byMethod: Partial<Record<MatchMethod, number>> = {};

  add(results: readonly MatchResult[]): void {
    for (const r of results) {
      this.processed++;
      this.byMethod[r.match_method] = (this.byMethod[r.match_method] ?? 0) + 1;
      if (r.auto_matched) this.autoMatched++;
      if (r.needs_review) this.inReview++;
      if (r.matched_ciq_id === null) this.noMatch++;
      this.costUsd += r.cost_usd;
    }
  }

  report(runId: string, skippedUnchanged: number, durationMs: number, abandonedRuns: number): RunReport {
    return {
      runId,
      processed: this.processed,
      skippedUnchanged,
      byMethod: { ...this.byMethod },
      autoMatched: this.autoMatched,
      inReview: this.inReview,
      noMatch: this.noMatch,
      costUsd: this.costUsd,
      costPerEntity: this.processed === 0 ? 0 : this.costUsd / this.processed,
      durationMs,
      entitiesPerSecond: durationMs > 0 ? (this.processed * 1000) / durationMs : 0,
      abandonedRuns,
    };
  }
}
