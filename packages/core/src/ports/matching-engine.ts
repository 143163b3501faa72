import type { CascadeConfigInput } from '../config/cascade-config.js';
import type { RunReport } from '../schemas/run-report.js';

/** Which table an ingest loads. */
export type EntityKind = 'reference' | 'source';

/**
 * What one engine's operations take and give, beyond what every engine shares. An operation an
 * engine cannot do is `never` here, and the engine throws EngineOperationUnsupportedError naming
 * it and what to use instead (never a silent no-op).
 */
export interface EngineShapes {
  readonly ingestOptions: unknown;
  readonly ingestReport: unknown;
  readonly trainOptions: unknown;
  readonly trainReport: unknown;
  readonly indexOptions: unknown;
  readonly indexReport: unknown;
  readonly reviewQueueOptions: unknown;
  readonly reviewItem: unknown;
  readonly reviewCase: unknown;
  readonly reviewDecision: unknown;
  readonly decisionRecord: unknown;
  readonly reviewExportOptions: unknown;
  readonly reviewImportOptions: unknown;
  readonly reviewImportReport: unknown;
  readonly statsReport: unknown;
  readonly monitoring: unknown;
}

export interface EngineInitOptions {
  /** Create the catalog (Unity Catalog) rather than use an existing one; default true. */
  readonly createCatalog?: boolean;
  /** Storage for a new catalog, e.g. s3://bucket/em (Unity Catalog). */
  readonly managedLocation?: string;
}

export interface EngineInitReport {
  /** Where the tables live: the database file, or the catalog. */
  readonly location: string;
  /** The DDL applied, all of it safe to repeat: the statements (Unity Catalog) or the sql/ files (embedded). */
  readonly applied: readonly string[];
}

/** A matching run's options, as every engine takes them. */
export interface EngineRunOptions {
  /** Decide every source again, not only new or changed ones (human decisions stay). */
  readonly full?: boolean;
  readonly config?: CascadeConfigInput;
  /** Stage 4's API key where the engine calls an OpenAI-compatible endpoint (a secret: never in the config). */
  readonly llmApiKey?: string | null;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called after each batch is committed to gold, with the rows it held. */
  readonly onBatchCommitted?: (rows: number) => void;
}

/** A review case's key; the system may be left out when the id is unique. */
export interface ReviewKey {
  readonly source_id: string;
  readonly source_system?: string | undefined;
}

/**
 * One engine, as a caller (the `em` CLI, a service) drives it: create the tables, load data,
 * train and index, run the cascade, review, report. Both engines implement it; not safe for
 * concurrent calls (await each before the next).
 */
export interface MatchingEngine<S extends EngineShapes = EngineShapes> {
  /** Which engine this is: `local` (embedded DuckDB) or `databricks`. */
  readonly name: string;
  /** Create every schema, table and view; safe to repeat. */
  init(options?: EngineInitOptions): Promise<EngineInitReport>;
  ingest(kind: EntityKind, file: string, options?: S['ingestOptions']): Promise<S['ingestReport']>;
  train(options?: S['trainOptions']): Promise<S['trainReport']>;
  index(options?: S['indexOptions']): Promise<S['indexReport']>;
  run(options?: EngineRunOptions): Promise<RunReport>;
  exportGold(outPath: string): Promise<{ rows: number; path: string }>;
  reviewQueue(options?: S['reviewQueueOptions']): Promise<S['reviewItem'][]>;
  reviewCase(key: ReviewKey): Promise<S['reviewCase']>;
  decide(decision: S['reviewDecision']): Promise<S['decisionRecord']>;
  exportReviewQueue(
    outPath: string,
    options?: S['reviewExportOptions'],
  ): Promise<{ rows: number; path: string; candidates: number }>;
  importReviewDecisions(file: string, options: S['reviewImportOptions']): Promise<S['reviewImportReport']>;
  stats(): Promise<S['statsReport']>;
  /** Dashboard and alert figures. */
  monitoring(): Promise<S['monitoring']>;
  close(): Promise<void>;
}
