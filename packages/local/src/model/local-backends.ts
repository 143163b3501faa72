import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ReferenceEntity, SourceEntity } from '@em/core';
import type { ReferenceRows } from '../reference/reference-rows.js';
import { parseBlockingKey } from '../retrieval/channels/blocking-keys.js';
import { ChannelRetriever } from '../retrieval/channels/channel-retriever.js';
import { IndexRetriever } from '../retrieval/index-retriever.js';
import { indexPathFor, type OpenedIndex, openIndex } from '../retrieval/open-index.js';
import { ParallelIndexRetriever } from '../retrieval/parallel-retriever.js';
import { GbdtPairScorer } from './gbdt-pair-scorer.js';
import { modelPathFor, readArtifact } from './pair-model-artifact.js';

/** Reference rows in a stable order (the index fingerprint depends on it). */
export const REFERENCE_ROWS_SQL = `SELECT ciq_id, company_name, ticker, lei, cusip, isin, country, industry, sector, market_cap
  FROM bronze.reference_entities ORDER BY ciq_id`;

/** Run `REFERENCE_ROWS_SQL` with any query function (e.g. `LocalEngine.query`) and parse the rows. */
export async function readReferenceRows(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<ReferenceEntity[]> {
  const rows = await query(REFERENCE_ROWS_SQL);
  return rows.map((r) => ReferenceEntity.parse(r));
}

/** Every ingested source record, in a stable order: what self-supervised training reads. */
export const SOURCE_ROWS_SQL = `SELECT source_id, source_system, company_name, ticker, lei, cusip, isin, country, industry
  FROM bronze.source_entities ORDER BY source_system, source_id`;

export async function readSourceRows(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<SourceEntity[]> {
  const rows = await query(SOURCE_ROWS_SQL);
  return rows.map((r) => SourceEntity.parse(r));
}

export interface LocalBackends {
  /** In worker threads for large references (see `workers`), else in the calling thread. */
  readonly retriever: ChannelRetriever;
  /** Present when a trained model lies beside the database. */
  readonly scorer: GbdtPairScorer | undefined;
  readonly index: OpenedIndex & { readonly path: string };
  readonly model: { readonly path: string; readonly modelVersion: string } | null;
  /** Stop retrieval workers (idle workers never keep the process alive, but close when done). */
  close(): Promise<void>;
}

export interface LoadLocalBackendsOptions {
  readonly rebuildIndex?: boolean;
  /** The config's `blockingKeys` (extra candidate channels). */
  readonly blockingKeys?: readonly string[];
  /**
   * Retrieval worker threads. Default: one per available core (at most 4) when the reference
   * has at least 50,000 rows, else none (searching a small index takes less than starting workers).
   */
  readonly workers?: number;
  /** The pair model beside the database, when the caller read it already (`pairModelBeside`). */
  readonly pairModel?: PairModelBeside | null;
}

/** A trained pair model beside a database: its scorer, file and version. */
export interface PairModelBeside {
  readonly scorer: GbdtPairScorer;
  readonly model: { readonly path: string; readonly modelVersion: string };
}

const PARALLEL_MIN_ROWS = 50_000;

/** An in-memory database has no folder to keep an index or a model in. */
const inMemoryDatabase = (dbPath: string): boolean => dbPath === ':memory:' || dbPath === '';

/**
 * Stage 2 and 3 backends for a database: the retrieval index beside it (`<db>.em-index`,
 * rebuilt and saved when missing or stale) and, when `<db>.em-model.json` exists, the
 * trained pair model. `reference` must be the database's reference rows in
 * `REFERENCE_ROWS_SQL` order (an array, or the columnar store `readReferenceStore` reads). Call `close()` when the run is over.
 */
export function loadLocalBackends(
  dbPath: string,
  reference: readonly ReferenceEntity[] | ReferenceRows,
  options: LoadLocalBackendsOptions = {},
): LocalBackends {
  const inMemory = inMemoryDatabase(dbPath);
  const indexPath = indexPathFor(dbPath);
  const opened = openIndex(indexPath, reference, {
    rebuild: options.rebuildIndex ?? false,
    persist: !inMemory,
  });
  const workers =
    options.workers ?? (reference.length >= PARALLEL_MIN_ROWS ? Math.min(4, availableParallelism()) : 0);
  const names =
    workers > 1
      ? new ParallelIndexRetriever(opened.index, reference, workers)
      : new IndexRetriever(opened.index, reference);
  const retriever = new ChannelRetriever(
    names,
    reference,
    (options.blockingKeys ?? []).map(parseBlockingKey),
  );
  const close = async (): Promise<void> => {
    if (names instanceof ParallelIndexRetriever) await names.close();
  };
  const index = { ...opened, path: indexPath };
  const pairModel = options.pairModel === undefined ? pairModelBeside(dbPath) : options.pairModel;
  return { retriever, scorer: pairModel?.scorer, index, model: pairModel?.model ?? null, close };
}

/** The trained pair model beside a database (`<db>.em-model.json`), or null when there is none. Reads no reference. */
export function pairModelBeside(dbPath: string): PairModelBeside | null {
  const modelPath = modelPathFor(dbPath);
  if (inMemoryDatabase(dbPath) || !existsSync(modelPath)) return null;
  const { artifact, modelVersion } = readArtifact(modelPath);
  return { scorer: new GbdtPairScorer(artifact, modelVersion), model: { path: modelPath, modelVersion } };
}
