import { existsSync } from 'node:fs';
import type { CascadeConfig } from '@em/core';
import type { Database } from '../db/database.js';
import { readSourceRows } from '../model/local-backends.js';
import { modelPathFor } from '../model/pair-model-artifact.js';
import { trainLocalModel } from '../model/train-local-model.js';
import type { ModelTrust } from '../model/trust-estimate.js';
import { readReferenceStore } from '../reference/read-reference-store.js';

/** A model `em run` trained because there was none. */
export interface AutoTrainedModel {
  readonly modelVersion: string;
  readonly source: string;
  readonly sources: number;
  readonly pairs: number;
  readonly seconds: number;
  readonly trust: ModelTrust | undefined;
}

/**
 * No pair model beside the database: train one without labels (self-supervised from the
 * ingested sources) so that stage 3 runs instead of being skipped. Null when a model exists,
 * the database is in memory, or there are no reference rows or sources to learn from.
 */
export async function ensurePairModel(
  db: Database,
  config: CascadeConfig,
): Promise<AutoTrainedModel | { readonly failed: string } | null> {
  const inMemory = db.path === ':memory:' || db.path === '';
  if (inMemory || existsSync(modelPathFor(db.path))) return null;
  const query = (sql: string, params: readonly unknown[] = []) => db.all(sql, params);
  const reference = await readReferenceStore(query);
  if (reference.length === 0) return null;
  const sources = await readSourceRows(query);
  if (sources.length === 0) return null;
  const started = performance.now();
  let trained: ReturnType<typeof trainLocalModel>;
  try {
    trained = trainLocalModel(db.path, reference, { labels: null, sources, config });
  } catch (error) {
    // Too little to learn from (a handful of rows): run without stage 3, and say why.
    return { failed: (error as Error).message };
  }
  return {
    modelVersion: trained.modelVersion,
    source: trained.training.source,
    sources: trained.training.sources,
    pairs: trained.training.pairs,
    seconds: (performance.now() - started) / 1000,
    trust: trained.artifact.trust,
  };
}
