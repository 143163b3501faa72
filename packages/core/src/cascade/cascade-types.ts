import type { PaidUsage } from '../cost/spent-cost.js';
import type { Adjudicator } from '../ports/adjudicator.js';
import type { CandidateRetriever } from '../ports/candidate-retriever.js';
import type { MatchSink } from '../ports/match-sink.js';
import type { PairScorer } from '../ports/pair-scorer.js';
import type { ReferenceLookup } from '../ports/reference-lookup.js';

/** The stage backends an engine supplies. Only the lookup is required; a missing stage is skipped and says so in the reasoning. */
export interface CascadeBackends {
  readonly lookup: ReferenceLookup;
  readonly retriever?: CandidateRetriever | undefined;
  readonly scorer?: PairScorer | undefined;
  /** Used only when `config.llm.enabled`. */
  readonly adjudicator?: Adjudicator | undefined;
  /** Each completed batch is upserted here before the next batch starts. */
  readonly sink?: MatchSink | undefined;
}

export interface CascadeOptions {
  /** Time stamped on results (once per batch). Default `new Date()`. */
  readonly now?: () => Date;
  /** Milliseconds for `processing_time_ms`. Default `performance.now`. */
  readonly clock?: () => number;
  /** Called after each batch is decided (and written to the sink): results so far, total sources. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops before the next stage or port call; the abort reason is thrown. */
  readonly signal?: AbortSignal;
  /** Prefixed to every `model_version` as `<engineVersion>/<model>`. */
  readonly engineVersion?: string;
  /**
   * What costs money where this runs, for `cost_usd`: 'llm' (default; local compute is free, LLM
   * calls cost the configured prices) or 'all' (a metered platform such as Databricks).
   */
  readonly paidUsage?: PaidUsage;
}
