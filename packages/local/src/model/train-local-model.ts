import type { ReferenceEntity } from '@em/core';
import { IndexRetriever } from '../retrieval/index-retriever.js';
import { indexPathFor, type OpenedIndex, openIndex } from '../retrieval/open-index.js';
import type { GbdtOptions } from './gbdt-train.js';
import { modelPathFor, writeArtifact } from './pair-model-artifact.js';
import { ReferenceIdentifiers } from './reference-identifiers.js';
import { inHashFraction } from './seeded-random.js';
import { type TrainingReport, trainPairModel } from './train-pair-model.js';
import { buildTrainingPairs, type GoldLabel, type TrainingPairs } from './training-pairs.js';

export interface TrainLocalModelOptions {
  /** Gold labels (source record + true ciq_id); without them pairs come from perturbing the reference. */
  readonly labels?: readonly GoldLabel[] | null;
  /** Use only labels whose source key hashes into this fraction (seed 0), e.g. 0.5 to train on a hash-half. Default 1. */
  readonly labelFraction?: number;
  /** Without labels: about this many labelled pairs (default 1000). */
  readonly pairs?: number;
  readonly seed?: number;
  /** Share of labelled sources held out (by key hash) for calibration, thresholds and the report. Default 0.2. */
  readonly holdoutFraction?: number;
  readonly topK?: number;
  readonly gbdt?: Partial<GbdtOptions>;
}

export interface TrainedLocalModel {
  readonly modelPath: string;
  readonly modelVersion: string;
  readonly bytes: number;
  readonly index: OpenedIndex & { readonly path: string };
  readonly training: Omit<TrainingPairs, 'pairs' | 'featureNames'> & { readonly pairs: number };
  readonly report: TrainingReport;
}

/**
 * What `em train` does: bring the index up to date, build labelled pairs (gold labels with
 * hard negatives from the top-k, or perturbed reference rows), train and calibrate the GBDT,
 * and write `<db>.em-model.json` beside the database.
 */
export function trainLocalModel(
  dbPath: string,
  reference: readonly ReferenceEntity[],
  options: TrainLocalModelOptions = {},
): TrainedLocalModel {
  const indexPath = indexPathFor(dbPath);
  const opened = openIndex(indexPath, reference);
  const retriever = new IndexRetriever(opened.index, reference);
  const identifiers = new ReferenceIdentifiers(reference);
  const fraction = options.labelFraction ?? 1;
  const labels =
    options.labels == null
      ? null
      : options.labels.filter(
          (l) =>
            fraction >= 1 ||
            inHashFraction(`${l.source.source_system}\u0000${l.source.source_id}`, fraction, 0),
        );
  const built = buildTrainingPairs({ reference, retriever, identifiers }, labels, {
    seed: options.seed ?? 1,
    pairs: options.pairs ?? 1000,
    topK: options.topK ?? 10,
  });
  const trained = trainPairModel(built.pairs, {
    featureSet: built.featureSet,
    featureNames: built.featureNames,
    source: built.source,
    seed: options.seed ?? 1,
    heldOutFraction: options.holdoutFraction ?? 0.2,
    ...(options.gbdt ? { gbdt: options.gbdt } : {}),
  });
  const modelPath = modelPathFor(dbPath);
  const modelVersion = writeArtifact(modelPath, trained.artifact);
  const { pairs, featureNames: _, ...stats } = built;
  return {
    modelPath,
    modelVersion,
    bytes: Buffer.byteLength(trained.text),
    index: { ...opened, path: indexPath },
    training: { ...stats, pairs: pairs.length },
    report: trained.report,
  };
}
