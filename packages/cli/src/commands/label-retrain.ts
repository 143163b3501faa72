import { parseCascadeConfig, sourceKey } from '@em/core';
import type { EmbeddedEngine } from '../engine.js';
import { formatCount } from '../output/format.js';
import { renderComparison } from './train.js';

/** Labels kept aside to measure the retraining (by key hash, so the same ones every time). */
const MEASURE_FRACTION = 0.3;

/**
 * Retrain after `em label`: self-trained on the ingested sources (a self-supervised model's
 * confident decisions), review decisions and `em label` answers in place of its own. The gain
 * is measured first: a model trained without a fixed 30% hash part of the answers is compared
 * with the previous one on that part (labels neither was trained on). The saved model then learns from every answer: the part kept aside is only
 * for measuring, not lost to training.
 */
export async function retrainWithLabels(engine: EmbeddedEngine, dbPath: string): Promise<string[]> {
  const local = await import('@em/local');
  const query = (sql: string, params?: readonly unknown[]) => engine.query(sql, params);
  const reference = await local.readReferenceStore(query);
  const sources = await local.readSourceRows(query);
  const answers = local.pairLabelsAsReview(local.readPairLabels(local.labelsPathFor(dbPath)), sources);
  const measured = (key: string) => local.inHashFraction(key, MEASURE_FRACTION, 7);
  const heldOut = answers.filter((l) => measured(sourceKey(l.source)));
  const decisions = await engine.reviewDecisionLabels();
  // Both trainings read the same sources: the self-supervised pairs, the first model and its
  // decisions are built once.
  const reuse = {};
  const train = (labels: typeof answers) =>
    local.trainLocalModel(dbPath, reference, {
      labels: null,
      sources,
      reviewLabels: [...decisions, ...labels],
      reuse,
    });
  if (heldOut.length === 0) {
    const trained = train(answers);
    return [
      `Retrained pair model ${trained.modelVersion} on the ingested sources (self-trained) with your ${formatCount(answers.length)} labels.`,
      'Too few labels to measure the gain yet: label a few more.',
    ];
  }
  const without = train(answers.filter((l) => !measured(sourceKey(l.source))));
  const comparison = await local.compareOnLabelsForDb(
    dbPath,
    reference,
    heldOut.map((l) => ({ source: l.source, trueCiqId: l.ciq_id })),
    without.previous,
    { artifact: without.artifact, modelVersion: without.modelVersion },
    parseCascadeConfig({}),
  );
  const trained = train(answers);
  return [
    `Retrained pair model ${trained.modelVersion} on the ingested sources (self-trained) with all ${formatCount(answers.length)} of your labels.`,
    `Measured first without ${formatCount(heldOut.length)} of them, kept aside (${without.modelVersion} against the previous model on those):`,
    '',
    renderComparison(comparison),
  ];
}
