import type { SourceEntity } from '@em/core';
import type {
  DecisionRecord,
  Monitoring,
  ReferenceHit,
  ReviewCase,
  ReviewDecision,
  ReviewItem,
  UndoRequest,
} from '@em/local';

/** What storing records through the API did. */
export interface StoredSources {
  readonly ingest_run_id: string;
  readonly loaded: number;
  readonly quarantined: number;
  readonly match_run_id: string;
  readonly processed: number;
}

export interface QueueFilter {
  readonly system?: string | undefined;
  readonly stage?: string | undefined;
  /** match_method the machine used ("channel"): no_match, pair_model, llm, … (@em/core's MATCH_METHODS) */
  readonly method?: string | undefined;
  readonly minConfidence?: number | undefined;
  readonly maxConfidence?: number | undefined;
  /** Cases considered at most (the page sorts and slices them). */
  readonly limit: number;
}

/** The distinct values the queue can be filtered by. */
export interface QueueFacets {
  readonly systems: string[];
  readonly stages: string[];
  readonly methods: string[];
}

export type GoldRecord = Record<string, unknown> & { source_id: string; source_system: string };

/**
 * What the console reads and writes, whichever engine holds the tables: the embedded DuckDB
 * file (opened per call) or Unity Catalog through a SQL warehouse. Decisions and undo go
 * through the same library rules as `em review`.
 */
export interface ConsoleStore {
  readonly kind: 'duckdb' | 'databricks';
  /** Where the data lives, for the page header (a path or catalog name; never a secret). */
  readonly label: string;
  queue(filter: QueueFilter): Promise<ReviewItem[]>;
  facets(): Promise<QueueFacets>;
  reviewCase(key: { source_id: string; source_system: string }): Promise<ReviewCase>;
  decide(decision: ReviewDecision): Promise<DecisionRecord>;
  undo(request: UndoRequest): Promise<DecisionRecord>;
  searchReference(query: string, limit: number): Promise<ReferenceHit[]>;
  /** The audit trail, newest first. */
  audit(limit: number): Promise<DecisionRecord[]>;
  monitoring(): Promise<Monitoring>;
  gold(key: { source_id: string; source_system: string }): Promise<GoldRecord | null>;
  /** Keep source records: ingest them into bronze and run the cascade on them into gold (null: this store cannot). */
  storeSources?(records: readonly SourceEntity[]): Promise<StoredSources>;
  /**
   * Several calls on one connection (one open of the DuckDB file for a whole page). `write`:
   * the session may decide or undo. Calls outside a session open and close on their own.
   */
  session<T>(work: (store: ConsoleStore) => Promise<T>, options?: { write?: boolean }): Promise<T>;
}
