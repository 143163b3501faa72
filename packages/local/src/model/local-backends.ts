import { existsSync } from 'node:fs';
import { ReferenceEntity } from '@em/core';
import { IndexRetriever } from '../retrieval/index-retriever.js';
import { indexPathFor, type OpenedIndex, openIndex } from '../retrieval/open-index.js';
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

export interface LocalBackends {
  readonly retriever: IndexRetriever;
  /** Present when a trained model lies beside the database. */
  readonly scorer: GbdtPairScorer | undefined;
  readonly index: OpenedIndex & { readonly path: string };
  readonly model: { readonly path: string; readonly modelVersion: string } | null;
}

/**
 * Stage 2 and 3 backends for a database: the retrieval index beside it (`<db>.em-index`,
 * rebuilt and saved when missing or stale) and, when `<db>.em-model.json` exists, the
 * trained pair model. `reference` must be the database's reference rows in
 * `REFERENCE_ROWS_SQL` order.
 */
export function loadLocalBackends(
  dbPath: string,
  reference: readonly ReferenceEntity[],
  options: { readonly rebuildIndex?: boolean } = {},
): LocalBackends {
  const indexPath = indexPathFor(dbPath);
  const opened = openIndex(indexPath, reference, { rebuild: options.rebuildIndex ?? false });
  const retriever = new IndexRetriever(opened.index, reference);
  const modelPath = modelPathFor(dbPath);
  if (!existsSync(modelPath)) {
    return { retriever, scorer: undefined, index: { ...opened, path: indexPath }, model: null };
  }
  const { artifact, modelVersion } = readArtifact(modelPath);
  return {
    retriever,
    scorer: new GbdtPairScorer(artifact, modelVersion),
    index: { ...opened, path: indexPath },
    model: { path: modelPath, modelVersion },
  };
}
