import { type SourceEntity, sourceKey } from '@em/core';
import {
  type ChosenTrainingPairs,
  chooseTrainingPairs,
  type TrainingReuse,
} from './choose-training-pairs.js';
import type { GbdtOptions } from './gbdt-train.js';
import { DEFAULT_MAX_SOURCES, sourcesToRead } from './self-supervised-pairs.js';
import { confidentDecisions, selfTrainingLabels } from './self-training.js';
import { type TrainedPairModel, trainPairModel } from './train-pair-model.js';
import { type TrustPair, withTrust } from './train-with-trust.js';
import {
  buildTrainingPairs,
  type GoldLabel,
  type ReviewPairStats,
  type TrainingPairContext,
  type TrainingPairOptions,
} from './training-pairs.js';
import type { ModelTrust } from './trust-estimate.js';

export interface FitPairModelOptions extends TrainingPairOptions {
  readonly seed: number;
  /** Share of groups (by key hash) held out for calibration and trust. */
  readonly heldOutFraction: number;
  readonly maxSources?: number;
  readonly reuse?: TrainingReuse;
  readonly gbdt?: Partial<GbdtOptions>;
  readonly autoMatchThreshold?: number;
}

export interface FittedPairModel {
  readonly built: ChosenTrainingPairs;
  readonly trained: TrainedPairModel & { readonly trust: ModelTrust };
}

/**
 * Choose the training pairs, train the GBDT and judge it on the held-out part: what `em train`
 * does. Without gold labels but with a person's labels (review decisions, `em label` answers),
 * it self-trains: a first model learns from the sources without those labels (self-supervised),
 * and a second learns from the first one's confident decisions on every source read, each
 * person's label in place of the model's (see selfTrainingLabels). On the companies data split
 * by company (label-gain, seeds 1–10), 100 `em label` answers this way closed 83% ± 6 of the F1
 * gap to all gold labels, against 28% ± 3 (an earlier round's run) as trees boosted onto the
 * first model. Without a person's labels it stops at the first model: self-training alone let
 * auto-matched precision fall to 0.9949–0.9966 (seeds 1–3, from 0.9982–0.9997) while its
 * held-out estimate said 0.9998, and nothing from this data would have shown it.
 */
export function fitPairModel(
  ctx: TrainingPairContext,
  labels: readonly GoldLabel[] | null,
  sources: readonly SourceEntity[],
  options: FitPairModelOptions,
): FittedPairModel {
  const people = options.review ?? [];
  if (labels !== null || sources.length === 0 || people.length === 0)
    return fit(chooseTrainingPairs(ctx, labels, sources, options), options);
  const first = options.reuse?.firstRound ?? firstRound(ctx, sources, options);
  if (options.reuse) options.reuse.firstRound = first;
  const decided = selfTrainingLabels(first.decided, people);
  const built = buildTrainingPairs(ctx, decided.labels, { ...options, review: [] });
  return fit(
    {
      ...built,
      review: peopleStats(people, built.pairs),
      source: 'self-trained',
      channelRecall: null,
      selfSupervised: first.built.selfSupervised,
      selfTraining: decided.stats,
      validatedOnLabels: true,
      trustBasis: "held-out confident decisions of the self-supervised model and people's labels",
      identifierPrecision: first.built.identifierPrecision,
    },
    options,
  );
}

/** What the people's labels added, in the shape review decisions are reported in. */
function peopleStats(people: readonly GoldLabel[], pairs: readonly TrustPair[]): ReviewPairStats {
  const keys = new Set(people.map((l) => sourceKey(l.source)));
  const theirs = pairs.filter((p) => keys.has(p.group));
  const positives = new Set(
    theirs.filter((p) => p.label === 1 && p.instance === undefined).map((p) => p.group),
  ).size;
  const matches = people.filter((l) => l.trueCiqId !== null).length;
  return {
    sources: people.length,
    matches,
    pairs: theirs.length,
    positives,
    perturbedCopies: new Set(theirs.flatMap((p) => (p.instance === undefined ? [] : [p.instance]))).size,
    truthNotRetrieved: matches - positives,
    replacedGold: 0,
  };
}

function firstRound(
  ctx: TrainingPairContext,
  sources: readonly SourceEntity[],
  options: FitPairModelOptions,
): NonNullable<TrainingReuse['firstRound']> {
  const { built, trained } = fit(
    chooseTrainingPairs(ctx, null, sources, { ...options, review: [] }),
    options,
  );
  const read = sourcesToRead(sources, options.maxSources ?? DEFAULT_MAX_SOURCES, options.seed);
  const decided = confidentDecisions(ctx, trained.artifact, read, options.topK ?? 10);
  return { artifact: trained.artifact, built, decided };
}

function fit(built: ChosenTrainingPairs, options: FitPairModelOptions): FittedPairModel {
  const trained = withTrust(
    trainPairModel(built.pairs, {
      featureSet: built.featureSet,
      featureNames: built.featureNames,
      source: built.source,
      seed: options.seed,
      heldOutFraction: options.heldOutFraction,
      ...(options.gbdt ? { gbdt: options.gbdt } : {}),
    }),
    built.pairs,
    {
      seed: options.seed,
      heldOutFraction: options.heldOutFraction,
      validatedOnLabels: built.validatedOnLabels,
      basis: built.trustBasis,
      identifierPrecision: built.identifierPrecision,
      ...(options.autoMatchThreshold !== undefined ? { autoMatchThreshold: options.autoMatchThreshold } : {}),
    },
  );
  return { built, trained };
}
