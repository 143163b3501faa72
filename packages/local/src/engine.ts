import type { RunReport } from '@em/core';
import type { EngineInitReport, EngineSchemaUpgrade, MatchingEngine } from '@em/core/engine';
import { DDL_FILES } from '@em/sql';
import { Database, type DatabaseOpenOptions } from './db/database.js';
import { checkSchemaOnOpen, upgradeSchema } from './ddl/schema-upgrade.js';
import type { LocalEngineShapes } from './engine-shapes.js';
import { exportGold } from './gold/export-gold.js';
import { type Monitoring, monitoring } from './gold/monitoring.js';
import { type StatsReport, stats } from './gold/stats.js';
import { type IndexOptions, type IndexReport, indexReference } from './indexing/index-reference.js';
import type { EntityKind } from './ingest/entity-columns.js';
import { type IngestOptions, ingestFile } from './ingest/ingest-file.js';
import type { IngestReport } from './ingest/ingest-report.js';
import { type ReferenceHit, searchReference } from './review/reference-search.js';
import { type ReviewCase, reviewCase } from './review/review-case.js';
import { decide, type ReviewDecision } from './review/review-decide.js';
import { exportReviewQueue, type ReviewExportOptions } from './review/review-export.js';
import { type DecisionRecord, reviewDecisions } from './review/review-history.js';
import {
  importReviewDecisions,
  type ReviewImportOptions,
  type ReviewImportReport,
} from './review/review-import.js';
import { type ReviewLabel, reviewDecisionLabels } from './review/review-labels.js';
import { type ReviewItem, type ReviewQueueOptions, reviewQueue } from './review/review-queue.js';
import { type UndoRequest, undoLastDecision } from './review/review-undo.js';
import { type RunOptions, runMatching } from './runs/run-matching.js';
import { type GoldLabels, readGoldLabels } from './train/gold-labels.js';
import { type TrainOptions, type TrainResult, trainFromDatabase } from './train/train-from-database.js';

export interface LocalEngineOptions extends DatabaseOpenOptions {
  /** DuckDB database file (`:memory:` for a throwaway one); created if missing unless `access` says otherwise. */
  readonly dbPath: string;
}

/**
 * The embedded engine: one DuckDB file holding bronze, silver, gold and ops; ingest with
 * quarantine, incremental crash-safe matching runs through the core cascade, review, stats
 * and export. Not safe for concurrent calls: await each before the next.
 */
export class LocalEngine implements MatchingEngine<LocalEngineShapes> {
  readonly name = 'local';
  private initialized = false;

  private constructor(readonly db: Database) {}

  static async open(options: LocalEngineOptions): Promise<LocalEngine> {
    return new LocalEngine(await Database.open(options.dbPath, options));
  }

  /**
   * Create every schema, table and view (sql/, carried by @em/sql, rendered for DuckDB), or bring
   * an older database to the current schema version (sql/migrations/) first. Safe to repeat.
   */
  async init(): Promise<EngineInitReport> {
    await this.migrate();
    return { location: this.db.path, applied: DDL_FILES.map((f) => f.name) };
  }

  /** Bring the database to this em's schema version: the version found and the migrations applied (`em migrate`). */
  async migrate(): Promise<EngineSchemaUpgrade> {
    const upgrade = await upgradeSchema(this.db);
    this.initialized = true;
    return upgrade;
  }

  async ingest(kind: EntityKind, file: string, options: IngestOptions = {}): Promise<IngestReport> {
    await this.ready();
    return ingestFile(this.db, kind, file, options);
  }

  /** Train the pair model from the gold labels or, without them, self-supervised; saved beside the database. */
  async train(options: TrainOptions = {}): Promise<TrainResult> {
    await this.ready();
    return trainFromDatabase(this.db, options);
  }

  /** A gold standard CSV read against the ingested sources (labels, and rows naming no ingested source). */
  async readGoldLabels(file: string): Promise<GoldLabels> {
    await this.ready();
    return readGoldLabels(this.db, file);
  }

  /** Bring the retrieval index beside the database up to date; report each candidate channel's reach. */
  async index(options: IndexOptions = {}): Promise<IndexReport> {
    await this.ready();
    return indexReference(this.db, options);
  }

  async run(options: RunOptions = {}): Promise<RunReport> {
    await this.ready();
    return runMatching(this.db, options);
  }

  async exportGold(outPath: string): Promise<{ rows: number; path: string }> {
    await this.ready();
    return exportGold(this.db, outPath);
  }

  async reviewQueue(options: ReviewQueueOptions = {}): Promise<ReviewItem[]> {
    await this.ready();
    return reviewQueue(this.db, options);
  }

  /** Record a human decision (audit row + gold row as human_review); returns the audit row. */
  async decide(decision: ReviewDecision): Promise<DecisionRecord> {
    await this.ready();
    return decide(this.db, decision);
  }

  /** Undo the case's latest decision in force: the gold row is restored exactly; a new audit entry records it. */
  async undo(request: UndoRequest): Promise<DecisionRecord> {
    await this.ready();
    return undoLastDecision(this.db, request);
  }

  /** The reference rows a query names: by identifier, ticker or name (for picking what the retriever missed). */
  async searchReference(query: string, limit?: number): Promise<ReferenceHit[]> {
    await this.ready();
    return searchReference(this.db, query, limit);
  }

  /** One case: source record, current decision and reasoning, candidates with their reference rows, history. */
  async reviewCase(key: { source_id: string; source_system?: string | undefined }): Promise<ReviewCase> {
    await this.ready();
    return reviewCase(this.db, key);
  }

  /** The audit trail (gold.review_decisions), oldest first; all cases or one. */
  async reviewDecisions(
    key: { source_id: string; source_system: string } | null = null,
  ): Promise<DecisionRecord[]> {
    await this.ready();
    return reviewDecisions(this.db, key);
  }

  /** The review queue as CSV for a spreadsheet, with empty decision columns for `importReviewDecisions`. */
  async exportReviewQueue(
    outPath: string,
    options: ReviewExportOptions = {},
  ): Promise<{ rows: number; path: string; candidates: number }> {
    await this.ready();
    return exportReviewQueue(this.db, outPath, options);
  }

  /** Apply a decided CSV, all rows or none (ReviewImportError lists every problem); re-imports change nothing. */
  async importReviewDecisions(file: string, options: ReviewImportOptions): Promise<ReviewImportReport> {
    await this.ready();
    return importReviewDecisions(this.db, file, options);
  }

  /** The latest human decision per case, as labels for training. */
  async reviewDecisionLabels(): Promise<ReviewLabel[]> {
    await this.ready();
    return reviewDecisionLabels(this.db);
  }

  async stats(): Promise<StatsReport> {
    await this.ready();
    return stats(this.db);
  }

  /** Dashboard and alert figures: per day, per stage, runs, latency percentiles, queue size. */
  async monitoring(): Promise<Monitoring> {
    await this.ready();
    return monitoring((sql) => this.db.all(sql, [], 'monitoring'));
  }

  /** Run SQL with positional parameters ($1, $2, …); BIGINTs come back as numbers when safe, timestamps as ISO strings. */
  query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.db.all<T>(sql, params, 'query');
  }

  /**
   * The tables exist (init ran on this file at some point), or an InputError saying to run init.
   * An older database is upgraded when opened for writing; read-only, it is refused with the command to run.
   */
  private async ready(): Promise<void> {
    if (this.initialized) return;
    await checkSchemaOnOpen(this.db);
    this.initialized = true;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
