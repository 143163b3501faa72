import {
  PAIR_FEATURE_NAMES,
  PAIR_FEATURE_SET,
  pairFeatures,
  type ReferenceEntity,
  type ScoringPair,
  type SourceEntity,
  sourceKey,
} from '@em/core';
import type { IndexRetriever } from '../retrieval/index-retriever.js';
import { candidatePairs } from './candidate-pairs.js';
import { perturbedSources } from './perturbed-sources.js';
import type { ReferenceIdentifiers } from './reference-identifiers.js';
import type { LabelledPair } from './train-pair-model.js';

/** A source with its true reference id (null: the company is not in the reference). */
export interface GoldLabel {
  readonly source: SourceEntity;
  readonly trueCiqId: string | null;
}

export interface TrainingPairContext {
  readonly reference: readonly ReferenceEntity[];
  readonly retriever: IndexRetriever;
  readonly identifiers: ReferenceIdentifiers;
}

export interface TrainingPairOptions {
  /** Candidates per source, as the cascade's top-k (default 10). */
  readonly topK?: number;
  readonly seed?: number;
  /** Without labels: about this many labelled pairs are generated (default 1000). */
  readonly pairs?: number;
  /** Without labels: hardest negatives kept per perturbed source (default 4). */
  readonly negativesPerSource?: number;
}

export interface TrainingPairs {
  readonly pairs: LabelledPair[];
  readonly source: 'labels' | 'perturbation';
  readonly sources: number;
  readonly positives: number;
  /** Labelled sources whose true row was not among their candidates (no positive pair). */
  readonly truthNotRetrieved: number;
  readonly featureNames: readonly string[];
  readonly featureSet: string;
}

const labelled = (pair: ScoringPair, label: 0 | 1): LabelledPair => ({
  features: pairFeatures(pair),
  label,
  group: sourceKey(pair.source),
});

/**
 * Labelled pairs for `trainPairModel`. With gold labels: every candidate the cascade would
 * score for each labelled source (retriever top-k plus identifier hits); the true row is the
 * positive, every other candidate a hard negative. Without labels: perturbed copies of
 * reference rows, the origin as the positive (or hidden, for "absent" companies) and the
 * highest-ranked other candidates as hard negatives.
 */
export function buildTrainingPairs(
  ctx: TrainingPairContext,
  labels: readonly GoldLabel[] | null,
  options: TrainingPairOptions = {},
): TrainingPairs {
  const topK = options.topK ?? 10;
  const pairs: LabelledPair[] = [];
  let truthNotRetrieved = 0;
  let sources = 0;
  if (labels !== null) {
    for (const { source, trueCiqId } of labels) {
      const list = candidatePairs(source, ctx.retriever.retrieveOne(source, topK), ctx.identifiers, topK);
      sources++;
      if (trueCiqId !== null && !list.some((p) => p.candidate.entity.ciq_id === trueCiqId))
        truthNotRetrieved++;
      for (const p of list) pairs.push(labelled(p, p.candidate.entity.ciq_id === trueCiqId ? 1 : 0));
    }
  } else {
    const perSource = 1 + (options.negativesPerSource ?? 4);
    const count = Math.ceil((options.pairs ?? 1000) / perSource);
    for (const { source, origin, absent } of perturbedSources(ctx.reference, count, {
      seed: options.seed ?? 1,
    })) {
      const retrieved = ctx.retriever.retrieveOne(source, topK + 1);
      const list = candidatePairs(source, retrieved, ctx.identifiers, topK, absent ? origin.ciq_id : null);
      sources++;
      const positive = absent ? undefined : list.find((p) => p.candidate.entity.ciq_id === origin.ciq_id);
      if (!absent && positive === undefined) truthNotRetrieved++;
      if (positive) pairs.push(labelled(positive, 1));
      const negatives = list.filter((p) => p.candidate.entity.ciq_id !== origin.ciq_id);
      for (const p of negatives.slice(0, perSource - (positive ? 1 : 0))) pairs.push(labelled(p, 0));
    }
  }
  return {
    pairs,
    source: labels !== null ? 'labels' : 'perturbation',
    sources,
    positives: pairs.filter((p) => p.label === 1).length,
    truthNotRetrieved,
    featureNames: PAIR_FEATURE_NAMES,
    featureSet: PAIR_FEATURE_SET,
  };
}
