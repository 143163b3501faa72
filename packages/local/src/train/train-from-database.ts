import { InputError, parseCascadeConfig } from '@em/core';
import type { Database } from '../db/database.js';
import { labelsPathFor, readPairLabels } from '../label/label-store.js';
import { pairLabelsAsReview } from '../label/labels-for-training.js';
import { readSourceRows } from '../model/local-backends.js';
import type { ModelComparison } from '../model/review-training-metrics.js';
import { compareOnLabelsForDb } from '../model/review-training-report.js';
import { type TrainedLocalModel, trainLocalModel } from '../model/train-local-model.js';
import { readReferenceStore } from '../reference/read-reference-store.js';
import { reviewDecisionLabels } from '../review/review-labels.js';
import { readGoldLabels } from './gold-labels.js';

/** What `em train` asks of the embedded engine. */
export interface TrainOptions {
  /** Gold standard CSV of ingested sources; absent: self-supervised from the ingested sources. */
  readonly labelsFile?: string | null;
  /** A fixed gold standard to compare the previous and the new model on (default: the held-out part). */
  readonly evalLabelsFile?: string | null;
  readonly labelFraction?: number;
  readonly pairs?: number;
  readonly maxSources?: number;
  readonly seed?: number;
  readonly holdoutFraction?: number;
  /** Train on the decisions of `em review` too (default true). */
  readonly reviewLabels?: boolean;
}

/** The trained model, how it compares with the one it replaced, and the labels that named no source. */
export interface TrainResult extends TrainedLocalModel {
  readonly comparison: ModelComparison;
  readonly labelsWithoutSource: number;
}

/**
 * Train the pair model from what the database holds: the reference, the gold labels (or the
 * ingested sources, self-supervised), every review decision and `em label` answer; then compare
 * it with the model it replaces, on `evalLabelsFile` when given.
 */
export async function trainFromDatabase(db: Database, options: TrainOptions = {}): Promise<TrainResult> {
  const query = (sql: string, params: readonly unknown[] = []) => db.all(sql, params, 'query');
  const labelsFile = options.labelsFile ?? null;
  const answers = readPairLabels(labelsPathFor(db.path));
  // Columnar: a million reference rows as a few strings per page, not a million objects.
  const reference = await readReferenceStore(query);
  // Without labels, training is self-supervised from every ingested source record.
  const sources = labelsFile && answers.length === 0 ? [] : await readSourceRows(query);
  const gold = labelsFile ? await readGoldLabels(db, labelsFile) : { labels: null, missing: 0 };
  const review = (options.reviewLabels ?? true) ? await reviewDecisionLabels(db) : [];
  const evaluation = options.evalLabelsFile
    ? (await readGoldLabels(db, options.evalLabelsFile)).labels
    : null;
  if (reference.length === 0)
    throw new InputError(`${db.path} has no reference rows; run em ingest reference <file> first.`);
  const trained = trainLocalModel(db.path, reference, {
    labels: gold.labels,
    sources: labelsFile ? [] : sources,
    ...(options.maxSources !== undefined ? { maxSources: options.maxSources } : {}),
    ...(options.labelFraction !== undefined ? { labelFraction: options.labelFraction } : {}),
    ...(options.pairs !== undefined ? { pairs: options.pairs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.holdoutFraction !== undefined ? { holdoutFraction: options.holdoutFraction } : {}),
    // em label answers train like review decisions (who and when kept in the label file).
    reviewLabels: [...review, ...pairLabelsAsReview(answers, sources)],
  });
  const current = { artifact: trained.artifact, modelVersion: trained.modelVersion };
  const comparison = evaluation
    ? await compareOnLabelsForDb(
        db.path,
        reference,
        evaluation,
        trained.previous,
        current,
        parseCascadeConfig({}),
      )
    : trained.heldOutComparison;
  return { ...trained, comparison, labelsWithoutSource: gold.missing };
}
