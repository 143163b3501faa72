import { calibrate } from './calibration.js';
import { gbdtMargin } from './gbdt-model.js';
import { decisionList, type LabelledPair } from './labelled-pair.js';
import { artifactText, modelVersionOf } from './pair-model-artifact.js';
import { inHashFraction } from './seeded-random.js';
import type { TrainedPairModel } from './train-pair-model.js';
import { estimateTrust, type ModelTrust } from './trust-estimate.js';

/** A training pair that may say which source (and variant) its candidate list came from, and whether it may judge trust. */
export interface TrustPair extends LabelledPair {
  /** false: held out but too easy to judge the model by (exact-identifier evidence as it stands). */
  readonly forTrust?: boolean;
}

export interface TrustOptions {
  readonly seed: number;
  readonly heldOutFraction: number;
  readonly validatedOnLabels: boolean;
  readonly basis: string;
  readonly identifierPrecision: number;
  readonly autoMatchThreshold?: number;
  readonly margin?: number;
}

/**
 * Judge a trained model on the part `trainPairModel` held out (the same hash split), store
 * the judgement in the artifact (`trust`) and give the model its new version.
 */
export function withTrust(
  trained: TrainedPairModel,
  pairs: readonly TrustPair[],
  options: TrustOptions,
): TrainedPairModel & { readonly trust: ModelTrust } {
  const { artifact } = trained;
  const scores = pairs
    .filter((p) => p.forTrust !== false && inHashFraction(p.group, options.heldOutFraction, options.seed))
    .map((pair) => ({
      pair,
      instance: decisionList(pair),
      probability: calibrate(artifact.calibration, gbdtMargin(artifact.gbdt, pair.features)),
    }));
  const trust = estimateTrust(scores, {
    autoMatchThreshold: options.autoMatchThreshold ?? 0.9,
    margin: options.margin ?? 0.1,
    validatedOnLabels: options.validatedOnLabels,
    basis: options.basis,
    identifierPrecision: options.identifierPrecision,
  });
  const withIt = { ...artifact, trust };
  const text = artifactText(withIt);
  const modelVersion = modelVersionOf(text);
  return { artifact: withIt, text, modelVersion, report: { ...trained.report, modelVersion }, trust };
}
