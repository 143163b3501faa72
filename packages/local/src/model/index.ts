export {
  type AutoPrecisionEstimate,
  type DecidedForEstimate,
  estimateAutoPrecision,
} from './auto-precision.js';
export { type Calibration, calibrate, fitIsotonic, fitPlatt } from './calibration.js';
export { candidatePairs } from './candidate-pairs.js';
export {
  type ChosenTrainingPairs,
  chooseTrainingPairs,
  type TrainingReuse,
} from './choose-training-pairs.js';
export {
  chooseThresholds,
  type DecisionMetrics,
  decisionMetrics,
  type ScoredGroup,
} from './decision-metrics.js';
export { type FitPairModelOptions, type FittedPairModel, fitPairModel } from './fit-pair-model.js';
export { type MarginContributions, marginContributions } from './gbdt-contributions.js';
export { runGbdtHistogramWorker } from './gbdt-histogram-helper.js';
export { type GbdtModel, type GbdtTree, gbdtMargin, sigmoid } from './gbdt-model.js';
export { GbdtPairScorer } from './gbdt-pair-scorer.js';
export { DEFAULT_GBDT_OPTIONS, type GbdtFit, type GbdtOptions, trainGbdt } from './gbdt-train.js';
export type { LabelledPair } from './labelled-pair.js';
export {
  type LoadLocalBackendsOptions,
  type LocalBackends,
  loadLocalBackends,
  REFERENCE_ROWS_SQL,
  readReferenceRows,
  readSourceRows,
  SOURCE_ROWS_SQL,
} from './local-backends.js';
export { MemoryReferenceLookup } from './memory-reference-lookup.js';
export { explainPair, type FeatureContribution, type PairExplanation } from './pair-explanation.js';
export {
  artifactText,
  type ModelThresholds,
  modelPathFor,
  modelVersionOf,
  PAIR_MODEL_FORMAT,
  PAIR_MODEL_FORMAT_VERSION,
  type PairModelArtifact,
  parseArtifact,
  readArtifact,
  writeArtifact,
} from './pair-model-artifact.js';
export { PERTURBATIONS, perturbName } from './perturb-name.js';
export { type PerturbedSource, type PerturbOptions, perturbedSources } from './perturbed-sources.js';
export { type EvidenceKind, type PseudoEvidence, pseudoEvidence } from './pseudo-evidence.js';
export { ReferenceIdentifiers } from './reference-identifiers.js';
export { reviewTrainingLabels } from './review-training.js';
export {
  comparison,
  type DecidedRow,
  type ModelComparison,
  type ModelScore,
  scoreRows,
} from './review-training-metrics.js';
export {
  type ComparedModel,
  compareOnHeldOut,
  compareOnLabels,
  compareOnLabelsForDb,
  type LabelEvaluationContext,
} from './review-training-report.js';
export { hashString, inHashFraction, seededRandom } from './seeded-random.js';
export {
  buildSelfSupervisedPairs,
  type EvidencePair,
  type SelfSupervisedOptions,
  type SelfSupervisedStats,
} from './self-supervised-pairs.js';
export type { SelfTrainingStats } from './self-training.js';
export { type TrainedLocalModel, type TrainLocalModelOptions, trainLocalModel } from './train-local-model.js';
export {
  auc,
  type TrainedPairModel,
  type TrainingReport,
  type TrainPairModelOptions,
  trainPairModel,
} from './train-pair-model.js';
export { type TrustOptions, type TrustPair, withTrust } from './train-with-trust.js';
export {
  buildTrainingPairs,
  type GoldLabel,
  type ReviewPairStats,
  type TrainingPairContext,
  type TrainingPairOptions,
  type TrainingPairs,
} from './training-pairs.js';
export {
  bandPrecision,
  estimateTrust,
  type HeldOutScore,
  type ModelTrust,
  type TrustBin,
  wilson,
} from './trust-estimate.js';
