import { calibrate, fitIsotonic, fitPlatt } from './calibration.js';
import { chooseThresholds, type DecisionMetrics, type ScoredGroup } from './decision-metrics.js';
import { type GbdtModel, gbdtMargin } from './gbdt-model.js';
import { DEFAULT_GBDT_OPTIONS, type GbdtOptions, trainGbdt } from './gbdt-train.js';
import { decisionList, type LabelledPair } from './labelled-pair.js';
import {
  artifactText,
  modelVersionOf,
  PAIR_MODEL_FORMAT,
  PAIR_MODEL_FORMAT_VERSION,
  type PairModelArtifact,
} from './pair-model-artifact.js';
import { inHashFraction } from './seeded-random.js';

export interface TrainPairModelOptions {
  readonly featureSet: string;
  readonly featureNames: readonly string[];
  readonly source: PairModelArtifact['training']['source'];
  readonly seed?: number;
  /** Share of groups (by key hash) held out for calibration, thresholds and the report. Default 0.2. */
  readonly heldOutFraction?: number;
  readonly gbdt?: Partial<GbdtOptions>;
  readonly calibration?: 'platt' | 'isotonic';
  /** Precision the auto-match threshold must reach on the held-out part. Default 0.995. */
  readonly precisionTarget?: number;
  /** The cascade's margin over the runner-up. Default 0.1. */
  readonly margin?: number;
}

export interface TrainingReport {
  readonly modelVersion: string;
  readonly trainPairs: number;
  readonly heldOutPairs: number;
  readonly heldOutSources: number;
  readonly pairLevel: { readonly auc: number; readonly logLoss: number };
  /** Source-level decisions on the held-out part at the chosen thresholds and at the cascade defaults. */
  readonly atPairAccept: DecisionMetrics;
  readonly atAutoMatch: DecisionMetrics;
  readonly atDefaults: { readonly accept080: DecisionMetrics; readonly auto090: DecisionMetrics };
  /** Normalized split gain per feature, largest first. */
  readonly importance: readonly { readonly feature: string; readonly gain: number }[];
}

export interface TrainedPairModel {
  readonly artifact: PairModelArtifact;
  readonly text: string;
  readonly modelVersion: string;
  readonly report: TrainingReport;
}

/**
 * Train the GBDT on pairs outside the held-out hash fraction, fit the calibration and pick
 * thresholds on the held-out pairs, and report. Deterministic for a seed and input order.
 */
export function trainPairModel(
  pairs: readonly LabelledPair[],
  options: TrainPairModelOptions,
): TrainedPairModel {
  const seed = options.seed ?? 1;
  const fraction = options.heldOutFraction ?? 0.2;
  const margin = options.margin ?? 0.1;
  const gbdtOptions: GbdtOptions = { ...DEFAULT_GBDT_OPTIONS, ...options.gbdt, seed };
  const heldOut = pairs.filter((p) => inHashFraction(p.group, fraction, seed));
  const train = pairs.filter((p) => !inHashFraction(p.group, fraction, seed));
  if (
    train.length === 0 ||
    heldOut.length === 0 ||
    !train.some((p) => p.label === 1) ||
    !train.some((p) => p.label === 0)
  ) {
    throw new Error(
      `Cannot train: ${train.length} training and ${heldOut.length} held-out pairs; both parts need positives and negatives. Give more labelled pairs.`,
    );
  }
  const fit = fitWithRefinement(train, gbdtOptions);
  const margins = heldOut.map((p) => gbdtMargin(fit.model, p.features));
  const labels = heldOut.map((p) => p.label);
  const calibration =
    options.calibration === 'isotonic' ? fitIsotonic(margins, labels) : fitPlatt(margins, labels);
  const probabilities = margins.map((m) => calibrate(calibration, m));
  const groups = groupScores(heldOut, probabilities);
  const chosen = chooseThresholds(groups, margin, options.precisionTarget ?? 0.995);
  const artifact: PairModelArtifact = {
    format: PAIR_MODEL_FORMAT,
    formatVersion: PAIR_MODEL_FORMAT_VERSION,
    featureSet: options.featureSet,
    featureNames: [...options.featureNames],
    gbdt: fit.model,
    calibration,
    thresholds: { pairAccept: chosen.best.threshold, autoMatch: chosen.precise.threshold },
    training: {
      source: options.source,
      seed,
      options: gbdtOptions,
      trainPairs: train.length,
      heldOutPairs: heldOut.length,
      ...(fit.refinement ? { refinement: fit.refinement } : {}),
    },
  };
  const text = artifactText(artifact);
  const modelVersion = modelVersionOf(text);
  const total = fit.importance.reduce((a, b) => a + b, 0) || 1;
  const report: TrainingReport = {
    modelVersion,
    trainPairs: train.length,
    heldOutPairs: heldOut.length,
    heldOutSources: groups.length,
    pairLevel: { auc: auc(probabilities, labels), logLoss: logLoss(probabilities, labels) },
    atPairAccept: chosen.best,
    atAutoMatch: chosen.precise,
    atDefaults: {
      accept080: chosen.sweep[79]!,
      auto090: chosen.sweep[89]!,
    },
    importance: options.featureNames
      .map((feature, i) => ({ feature, gain: fit.importance[i]! / total }))
      .sort((a, b) => b.gain - a.gain),
  };
  return { artifact, text, modelVersion, report };
}

/**
 * The trees a person's word adds (review decisions, `em label` answers) on top of gold labels or
 * of perturbed reference rows: boosted on from the model fit without it. Chosen on the companies
 * development split (`label-gain --dev`). With ingested sources and no gold labels, a person's
 * word self-trains instead (see fitPairModel).
 */
export const REFINE_GBDT: Pick<GbdtOptions, 'nTrees' | 'maxDepth' | 'learningRate'> = {
  nTrees: 30,
  maxDepth: 3,
  learningRate: 0.1,
};

/**
 * The GBDT on the training pairs. When a person's word (review decisions, `em label` answers)
 * comes on top of other pairs, the model is first fit without it, exactly as it would be
 * alone, then boosted on (REFINE_GBDT) with every pair: the pairs the first model already fits
 * give it little gradient, so the new trees move it where the person disagrees with it.
 */
function fitWithRefinement(train: readonly LabelledPair[], options: GbdtOptions) {
  const fit = (ps: readonly LabelledPair[], o: GbdtOptions, initial?: GbdtModel) =>
    trainGbdt(
      ps.map((p) => p.features),
      ps.map((p) => p.label),
      o,
      ps.some((p) => p.weight !== undefined) ? ps.map((p) => p.weight ?? 1) : undefined,
      initial,
    );
  const base = train.filter((p) => !p.human);
  if (base.length === train.length || base.length === 0) return { ...fit(train, options), refinement: null };
  const first = fit(base, options);
  const refined = fit(train, { ...options, ...REFINE_GBDT }, first.model);
  return {
    model: refined.model,
    importance: first.importance.map((g, i) => g + refined.importance[i]!),
    refinement: { humanPairs: train.length - base.length, options: { ...REFINE_GBDT } },
  };
}

function groupScores(pairs: readonly LabelledPair[], probabilities: readonly number[]): ScoredGroup[] {
  const byGroup = new Map<string, { probabilities: number[]; truth: number }>();
  pairs.forEach((p, i) => {
    const list = decisionList(p);
    let g = byGroup.get(list);
    if (g === undefined) {
      g = { probabilities: [], truth: -1 };
      byGroup.set(list, g);
    }
    if (p.label === 1) g.truth = g.probabilities.length;
    g.probabilities.push(probabilities[i]!);
  });
  return [...byGroup.values()];
}

/** Area under the ROC curve (rank statistic, ties counted half). */
export function auc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let neg = 0;
  let sum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    let p = 0;
    for (let t = i; t < j; t++) p += order[t]![1] > 0 ? 1 : 0;
    const n = j - i - p;
    sum += p * (neg + n / 2);
    pos += p;
    neg += n;
    i = j;
  }
  return pos === 0 || neg === 0 ? 1 : sum / (pos * neg);
}

function logLoss(p: readonly number[], y: readonly number[]): number {
  let s = 0;
  p.forEach((v, i) => {
    const q = Math.min(Math.max(v, 1e-12), 1 - 1e-12);
    s -= y[i]! > 0 ? Math.log(q) : Math.log(1 - q);
  });
  return p.length === 0 ? 0 : s / p.length;
}
