import type { SourceEntity } from '@em/core';
import type { PairModelArtifact } from './pair-model-artifact.js';
import {
  buildSelfSupervisedPairs,
  type SelfSupervisedPairs,
  type SelfSupervisedStats,
} from './self-supervised-pairs.js';
import type { ConfidentDecisions, SelfTrainingStats } from './self-training.js';
import type { TrustPair } from './train-with-trust.js';
import {
  buildTrainingPairs,
  type GoldLabel,
  type TrainingPairContext,
  type TrainingPairOptions,
  type TrainingPairs,
} from './training-pairs.js';

export interface ChosenTrainingPairs extends Omit<TrainingPairs, 'pairs' | 'source'> {
  readonly pairs: TrustPair[];
  readonly source: TrainingPairs['source'] | 'self-supervised' | 'self-trained';
  /** What the self-supervised pairs came from (null with labels or perturbation). */
  readonly selfSupervised: SelfSupervisedStats | null;
  /** Self-trained: the first model's confident decisions the second one learnt from (see fitPairModel). */
  readonly selfTraining: SelfTrainingStats | null;
  /** Whether the held-out part is labels from this data (gold or review), and what it is, in words. */
  readonly validatedOnLabels: boolean;
  readonly trustBasis: string;
  readonly identifierPrecision: number;
}

/**
 * Work one command may share between trainings on the same sources, index and options: the
 * self-supervised pairs do not depend on labels, so `em label --import`, which trains without
 * the answers it measures on and then with all of them, builds them once. The first training
 * fills it; the models are the same as without it.
 */
export interface TrainingReuse {
  selfSupervised?: SelfSupervisedPairs;
  /** Self-training's first model and its confident decisions (no people's labels in them, so the same for both trainings). */
  firstRound?: {
    readonly artifact: PairModelArtifact;
    readonly built: ChosenTrainingPairs;
    readonly decided: ConfidentDecisions;
  };
}

/**
 * The training pairs `em train` uses: gold labels when given; else, self-supervised from the
 * unlabelled sources when there are any; else perturbed reference rows. Review decisions are
 * added to any of them.
 */
export function chooseTrainingPairs(
  ctx: TrainingPairContext,
  labels: readonly GoldLabel[] | null,
  sources: readonly SourceEntity[],
  options: TrainingPairOptions & { readonly maxSources?: number; readonly reuse?: TrainingReuse },
): ChosenTrainingPairs {
  const reviewed = (options.review?.length ?? 0) > 0;
  if (labels !== null || sources.length === 0) {
    const built = buildTrainingPairs(ctx, labels, options);
    return {
      ...built,
      selfSupervised: null,
      selfTraining: null,
      validatedOnLabels: labels !== null || reviewed,
      trustBasis: labels !== null ? 'held-out gold labels' : 'held-out perturbed reference rows',
      identifierPrecision: 0.999,
    };
  }
  const self = options.reuse?.selfSupervised ?? buildSelfSupervisedPairs(ctx, sources, options);
  if (options.reuse) options.reuse.selfSupervised = self;
  const review = buildTrainingPairs(ctx, [], options);
  const pairs: TrustPair[] = [...self.pairs, ...review.pairs];
  return {
    ...review,
    pairs,
    source: 'self-supervised',
    sources: self.stats.sourcesRead + review.review.sources,
    positives: pairs.filter((p) => p.label === 1).length,
    selfSupervised: self.stats,
    selfTraining: null,
    validatedOnLabels: reviewed,
    trustBasis: reviewed
      ? 'held-out pseudo-labelled evidence and review decisions'
      : 'held-out pseudo-labelled evidence (identifiers blanked, names perturbed, rows hidden)',
    identifierPrecision: self.stats.identifierPrecision,
  };
}
