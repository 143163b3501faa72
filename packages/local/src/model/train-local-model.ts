import { existsSync } from 'node:fs';
import { type CascadeConfig, parseCascadeConfig, type ReferenceEntity, type SourceEntity } from '@em/core';
import { type ReferenceRows, referenceRows } from '../reference/reference-rows.js';
import { parseBlockingKey } from '../retrieval/channels/blocking-keys.js';
import { ChannelRetriever } from '../retrieval/channels/channel-retriever.js';
import { IndexRetriever } from '../retrieval/index-retriever.js';
import { indexPathFor, type OpenedIndex, openIndex } from '../retrieval/open-index.js';
import type { ReviewLabel } from '../review/review-labels.js';
import type { ChosenTrainingPairs, TrainingReuse } from './choose-training-pairs.js';
import { fitPairModel } from './fit-pair-model.js';
import type { GbdtOptions } from './gbdt-train.js';
import { modelPathFor, type PairModelArtifact, readArtifact, writeArtifact } from './pair-model-artifact.js';
import { ReferenceIdentifiers } from './reference-identifiers.js';
import { reviewTrainingLabels } from './review-training.js';
import type { ModelComparison } from './review-training-metrics.js';
import { type ComparedModel, compareOnHeldOut } from './review-training-report.js';
import { inHashFraction } from './seeded-random.js';
import type { TrainingReport } from './train-pair-model.js';
import type { GoldLabel } from './training-pairs.js';

export interface TrainLocalModelOptions {
  /**
   * Gold labels (source record + true ciq_id); without them, pairs come from the unlabelled
   * `sources` (self-supervised), or from perturbing the reference when there are none.
   */
  readonly labels?: readonly GoldLabel[] | null;
  /** The unlabelled source records (every ingested one): self-supervised training reads them. */
  readonly sources?: readonly SourceEntity[];
  /** Self-supervised: read at most this many sources (a deterministic sample; default DEFAULT_MAX_SOURCES). */
  readonly maxSources?: number;
  /** Use only labels whose source key hashes into this fraction (seed 0), e.g. 0.5 to train on a hash-half. Default 1. */
  readonly labelFraction?: number;
  /** Without labels: about this many labelled pairs (default 1000). */
  readonly pairs?: number;
  readonly seed?: number;
  /** Share of labelled sources held out (by key hash) for calibration, thresholds and the report. Default 0.2. */
  readonly holdoutFraction?: number;
  readonly topK?: number;
  readonly gbdt?: Partial<GbdtOptions>;
  /**
   * Human review decisions (`engine.reviewDecisionLabels()`), trained on as labelled pairs on top
   * of `labels` or of the perturbed pairs; `labelFraction` does not apply to them. Default none.
   */
  readonly reviewLabels?: readonly ReviewLabel[];
  /** Training weight of each pair from a review decision or `em label` answer (default HUMAN_LABEL_WEIGHT, 3). */
  readonly reviewWeight?: number;
  /** Thresholds for comparing the previous and the new model (default: the cascade defaults). */
  readonly config?: CascadeConfig;
  /** Shared by trainings of one command on the same sources and options (see TrainingReuse). */
  readonly reuse?: TrainingReuse;
}

export interface TrainedLocalModel {
  readonly modelPath: string;
  readonly modelVersion: string;
  readonly bytes: number;
  readonly index: OpenedIndex & { readonly path: string };
  readonly training: Omit<ChosenTrainingPairs, 'pairs' | 'featureNames'> & { readonly pairs: number };
  readonly report: TrainingReport;
  readonly artifact: PairModelArtifact;
  /** The model this one replaced (read before writing), or null when there was none or it was unreadable. */
  readonly previous: ComparedModel | null;
  /** Previous against new model on this training's held-out pairs (stage 3's rule). */
  readonly heldOutComparison: ModelComparison;
}

/**
 * What `em train` does: bring the index up to date, build labelled pairs (gold labels with
 * hard negatives from the top-k, or perturbed reference rows, plus review decisions), train and
 * calibrate the GBDT, compare it with the model it replaces on the held-out pairs, and write
 * `<db>.em-model.json` beside the database.
 */
export function trainLocalModel(
  dbPath: string,
  referenceTable: readonly ReferenceEntity[] | ReferenceRows,
  options: TrainLocalModelOptions = {},
): TrainedLocalModel {
  const reference = referenceRows(referenceTable);
  const indexPath = indexPathFor(dbPath);
  const opened = openIndex(indexPath, reference);
  const retriever = new ChannelRetriever(
    new IndexRetriever(opened.index, reference),
    reference,
    (options.config?.blockingKeys ?? []).map(parseBlockingKey),
  );
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
  const seed = options.seed ?? 1;
  const holdoutFraction = options.holdoutFraction ?? 0.2;
  const { built, trained } = fitPairModel(
    { reference, retriever, identifiers },
    labels,
    options.sources ?? [],
    {
      seed,
      heldOutFraction: holdoutFraction,
      pairs: options.pairs ?? 1000,
      topK: options.topK ?? 10,
      ...(options.maxSources !== undefined ? { maxSources: options.maxSources } : {}),
      review: reviewTrainingLabels(options.reviewLabels ?? []),
      ...(options.reviewWeight !== undefined ? { reviewWeight: options.reviewWeight } : {}),
      ...(options.reuse ? { reuse: options.reuse } : {}),
      ...(options.gbdt ? { gbdt: options.gbdt } : {}),
      autoMatchThreshold: (options.config ?? parseCascadeConfig({})).autoMatchThreshold,
    },
  );
  const modelPath = modelPathFor(dbPath);
  const previous = readPrevious(modelPath);
  // The same split trainPairModel makes: these pairs calibrated the model but did not train it.
  const heldOut = built.pairs.filter((p) => inHashFraction(p.group, holdoutFraction, seed));
  const heldOutComparison = compareOnHeldOut(
    heldOut,
    previous,
    { artifact: trained.artifact, modelVersion: trained.modelVersion },
    options.config ?? parseCascadeConfig({}),
  );
  const modelVersion = writeArtifact(modelPath, trained.artifact);
  const { pairs, featureNames: _, ...stats } = built;
  return {
    modelPath,
    modelVersion,
    bytes: Buffer.byteLength(trained.text),
    index: { ...opened, path: indexPath },
    training: { ...stats, pairs: pairs.length },
    report: trained.report,
    artifact: trained.artifact,
    previous,
    heldOutComparison,
  };
}

/** The model about to be replaced; an unreadable one counts as none (it is being retrained anyway). */
function readPrevious(modelPath: string): ComparedModel | null {
  if (!existsSync(modelPath)) return null;
  try {
    return readArtifact(modelPath);
  } catch {
    return null;
  }
}
