import { parseCascadeConfig, sourceKey } from '@em/core';
import type { EmbeddedEngine } from '../engine.js';
import { formatCount } from '../output/format.js';
import { renderComparison } from './train.js';

/** Labels held out of the retraining to measure it (by key hash, so the same ones every time). */
const MEASURE_FRACTION = 0.3;

/**
 * Retrain after `em label`: self-supervised from the ingested sources, plus review decisions,
 * plus the `em label` answers outside a fixed 30% hash part; the previous and the new model
 * are then compared on that 30% (labels neither was trained on), which is the measured gain.
 */
export async function retrainWithLabels(engine: EmbeddedEngine, dbPath: string): Promise<string[]> {
  const local = await import('@em/local');
  const query = (sql: string, params?: readonly unknown[]) => engine.query(sql, params);
  const reference = await local.readReferenceStore(query);
  const sources = await local.readSourceRows(query);
  const answers = local.pairLabelsAsReview(local.readPairLabels(local.labelsPathFor(dbPath)), sources);
  const measured = (key: string) => local.inHashFraction(key, MEASURE_FRACTION, 7);
  const train = answers.filter((l) => !measured(sourceKey(l.source)));
  const heldOut = answers.filter((l) => measured(sourceKey(l.source)));
  const trained = local.trainLocalModel(dbPath, reference, {
    labels: null,
    sources,
    reviewLabels: [...(await engine.reviewDecisionLabels()), ...train],
  });
  const lines = [
    `Retrained pair model ${trained.modelVersion} on the ingested sources (self-supervised) with ${formatCount(train.length)} of your ${formatCount(answers.length)} labels; ${formatCount(heldOut.length)} kept aside to measure it.`,
  ];
  if (heldOut.length === 0) return [...lines, 'Too few labels to measure the gain yet: label a few more.'];
  const comparison = await local.compareOnLabelsForDb(
    dbPath,
    reference,
    heldOut.map((l) => ({ source: l.source, trueCiqId: l.ciq_id })),
    trained.previous,
    { artifact: trained.artifact, modelVersion: trained.modelVersion },
    parseCascadeConfig({}),
  );
  return [...lines, '', renderComparison(comparison)];
}
