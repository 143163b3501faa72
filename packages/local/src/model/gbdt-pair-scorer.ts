import { EmError, type PairScorer, type PairScores, type PortCapabilities, type ScoringPair } from '@em/core';
import { PAIR_FEATURE_NAMES, PAIR_FEATURE_SET, pairFeatures } from '@em/core/features';
import { calibrate } from './calibration.js';
import { gbdtMargin } from './gbdt-model.js';
import type { PairModelArtifact } from './pair-model-artifact.js';

/** `PairScorer` over a trained GBDT artifact: core's pair features → trees → calibrated probability. */
export class GbdtPairScorer implements PairScorer {
  readonly capabilities: PortCapabilities = { maxBatchSize: 4096, maxParallelCalls: 1 };

  constructor(
    readonly artifact: PairModelArtifact,
    readonly modelVersion: string,
  ) {
    const same =
      artifact.featureSet === PAIR_FEATURE_SET &&
      artifact.featureNames.length === PAIR_FEATURE_NAMES.length &&
      artifact.featureNames.every((n, i) => n === PAIR_FEATURE_NAMES[i]);
    if (!same) {
      throw new EmError(
        `Pair model ${modelVersion} was trained on features ${artifact.featureSet}, but this em computes ${PAIR_FEATURE_SET}; retrain it with \`em train\`.`,
      );
    }
  }

  /**
   * The calibrated probability; where the model's trust says a band at or above the auto-match
   * threshold is not known to be precise enough, lowered just below the threshold (to review).
   */
  probability(pair: ScoringPair): number {
    const p = calibrate(this.artifact.calibration, gbdtMargin(this.artifact.gbdt, pairFeatures(pair)));
    const trust = this.artifact.trust;
    if (!trust || trust.reviewBelow === null) return p;
    return p >= trust.autoMatchThreshold && p < trust.reviewBelow ? trust.autoMatchThreshold - 0.01 : p;
  }

  async scorePairs(pairs: readonly ScoringPair[]): Promise<PairScores> {
    return { probabilities: pairs.map((p) => this.probability(p)), modelVersion: this.modelVersion };
  }
}
