import type { ScoringPair } from '@em/core';
import { PAIR_FEATURE_NAMES, pairFeatures } from '@em/core/features';
import { calibrate } from './calibration.js';
import { marginContributions } from './gbdt-contributions.js';
import type { PairModelArtifact } from './pair-model-artifact.js';

export interface FeatureContribution {
  readonly feature: string;
  /** The feature's value for this pair. */
  readonly value: number;
  /** Log-odds this feature added to (or took from) the raw score. */
  readonly contribution: number;
}

/** A pair score broken down like Splink's waterfall: start, one step per feature, end. */
export interface PairExplanation {
  readonly modelVersion: string;
  /** Log-odds every pair starts from (base score + trees' expected values). */
  readonly bias: number;
  /** Features by |contribution|, largest first (zero contributions left out). */
  readonly contributions: FeatureContribution[];
  /** Raw score (log-odds): bias + Σ contributions. */
  readonly margin: number;
  /** The calibrated probability the pair model reports for this margin. */
  readonly probability: number;
  readonly weighting: 'cover' | 'uniform';
}

/** Why the trained pair model scores this pair as it does (see marginContributions). */
export function explainPair(
  artifact: PairModelArtifact,
  modelVersion: string,
  pair: ScoringPair,
): PairExplanation {
  const x = pairFeatures(pair);
  const { bias, contributions, margin, weighting } = marginContributions(artifact.gbdt, x);
  const named: FeatureContribution[] = [];
  contributions.forEach((contribution, i) => {
    if (contribution !== 0)
      named.push({ feature: PAIR_FEATURE_NAMES[i] ?? `f${i}`, value: x[i]!, contribution });
  });
  named.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return {
    modelVersion,
    bias,
    contributions: named,
    margin,
    probability: calibrate(artifact.calibration, margin),
    weighting,
  };
}
