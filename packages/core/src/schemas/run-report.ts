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
  /** From the first pending source read to the last batch written; `entitiesPerSecond` is over this. */
  readonly durationMs: number;
  readonly entitiesPerSecond: number;
  /** Before that: reading the reference, opening the index and model, starting workers (engines that load them say so). */
  readonly loadMs?: number;
  /** Earlier runs found still 'running' (a crashed process) and marked failed. */
  readonly abandonedRuns: number;
  /** Stage 4, when an LLM adjudicator ran: successful and failed calls, and the cases it could not decide. */
  readonly llm?: RunLlmReport;
  /** This run finished an `--full` pass that had stopped early (it had decided `done` rows). */
  readonly resumedFullRun?: { readonly runId: string; readonly startedAt: string; readonly done: number };
  /** Which stages ran, and with which model (engines that know say so). */
  readonly stages?: readonly RunStage[];
  /** A pair model this run trained first because there was none (no labels: self-supervised). */
  readonly trainedModel?: {
    readonly modelVersion: string;
    readonly source: string;
    readonly seconds: number;
  } | null;
  /** Estimated precision of this run's auto-matched rows; null when it cannot be estimated. */
  readonly estimatedAutoPrecision?: {
    readonly estimate: number;
    readonly halfWidth: number;
    readonly autoMatched: number;
    /** False: the model was never checked against labels from this data, only its own evidence. */
    readonly validatedOnLabels: boolean;
  } | null;
}

export interface RunLlmReport {
  /** Calls that got a reply (the sum of llm_calls in gold for this run). */
  readonly calls: number;
  /** HTTP calls that failed (unreachable, 5xx, timeouts), retries included. */
  readonly failedCalls: number;
  /** Cases the LLM could not decide (they went to review), by why. */
  readonly failedCases: number;
  readonly failedBy: Readonly<Record<string, number>>;
  /** Why the circuit breaker stopped calling the endpoint, or null. */
  readonly circuitOpen: string | null;
}

/** One cascade stage in a run summary: did it run, with what. */
export interface RunStage {
  readonly stage: string;
  readonly ran: boolean;
  /** What it ran with ("gbdt-…", "name index + ticker, isin"), or why it did not run. */
  readonly detail: string;
}
