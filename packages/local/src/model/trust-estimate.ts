import type { LabelledPair } from './labelled-pair.js';

/** Held-out decisions whose top probability falls in [from, to): how many, how many right. */
export interface TrustBin {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly correct: number;
}

/**
 * What a model knows about its own auto-matches, stored with it and printed by `em train`,
 * `em run` and `em stats`.
 */
export interface ModelTrust {
  /** True when the held-out part was gold labels or review decisions of this data. */
  readonly validatedOnLabels: boolean;
  /** What the held-out part was, in words. */
  readonly basis: string;
  /** The auto-match threshold the figures below are for. */
  readonly autoMatchThreshold: number;
  /** Held-out precision per confidence band at or above the threshold. */
  readonly bins: readonly TrustBin[];
  /** Held-out precision of the pair model's auto-matches, with a 95% Wilson interval; null when too few to say. */
  readonly autoPrecision: {
    readonly estimate: number;
    readonly low: number;
    readonly high: number;
    readonly n: number;
  } | null;
  /**
   * Pair scores in [autoMatchThreshold, reviewBelow) are lowered just below the threshold, so
   * those rows go to review: a band among them is estimated under the target (or cannot be
   * estimated: too few held-out decisions). null: nothing lowered. Above 1: every pair-model
   * match goes to review.
   */
  readonly reviewBelow: number | null;
  /** Estimated precision of exact-identifier matches whose names agree. */
  readonly identifierPrecision: number;
  /** Precision every auto-matched band must reach (0.99). */
  readonly target: number;
}

/** A held-out pair with its calibrated probability and the source (instance) it belongs to. */
export interface HeldOutScore {
  readonly pair: LabelledPair;
  readonly instance: string;
  readonly probability: number;
}

const EDGES = [0.9, 0.95, 0.98, 0.99, 1.0000001];
/** A band needs this many held-out decisions before its precision counts as known. */
const MIN_BAND = 30;

/** 95% Wilson score interval of k successes in n. */
export function wilson(k: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { low: Math.max(0, c - h), high: Math.min(1, c + h) };
}

/**
 * Held-out source-level decisions (top candidate, margin over the runner-up), binned by the
 * top probability. Soft-labelled pairs (weights) count by weight: a ticker-only lead at rate
 * 0.6 is 0.6 right. Only decisions at or above `autoMatchThreshold` are binned.
 */
export function estimateTrust(
  scores: readonly HeldOutScore[],
  options: {
    readonly autoMatchThreshold: number;
    readonly margin: number;
    readonly validatedOnLabels: boolean;
    readonly basis: string;
    readonly identifierPrecision: number;
    readonly target?: number;
  },
): ModelTrust {
  const target = options.target ?? 0.99;
  const byInstance = new Map<string, HeldOutScore[]>();
  for (const s of scores) {
    const list = byInstance.get(s.instance);
    if (list) list.push(s);
    else byInstance.set(s.instance, [s]);
  }
  const edges = [options.autoMatchThreshold, ...EDGES.filter((e) => e > options.autoMatchThreshold)];
  const bins = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]!, n: 0, correct: 0 }));
  for (const list of byInstance.values()) {
    // One candidate may carry two soft rows (label 1 at weight w, label 0 at 1 − w): merge them.
    const byFeatures = new Map<ArrayLike<number>, { p: number; right: number }>();
    for (const s of list) {
      const c = byFeatures.get(s.pair.features) ?? { p: s.probability, right: 0 };
      if (s.pair.label === 1) c.right += s.pair.weight ?? 1;
      byFeatures.set(s.pair.features, c);
    }
    const ranked = [...byFeatures.values()].sort((a, b) => b.p - a.p);
    const top = ranked[0]!;
    const second = ranked[1]?.p ?? 0;
    if (top.p < options.autoMatchThreshold || top.p - second < options.margin - 1e-9) continue;
    const bin = bins.find((b) => top.p >= b.from && top.p < b.to) ?? bins.at(-1)!;
    bin.n++;
    bin.correct += Math.min(1, top.right);
  }
  const n = bins.reduce((a, b) => a + b.n, 0);
  const correct = bins.reduce((a, b) => a + b.correct, 0);
  const autoPrecision = n >= MIN_BAND ? { estimate: correct / n, ...wilson(correct, n), n } : null;
  // Keep auto-matching down to the lowest band edge from which every band is estimated to reach
  // the target on enough decisions (an empty band below a good one is no evidence against);
  // lower the rest to review. Per band rather than pooled: held-out evidence is easier than the
  // rows that need the model, so a weak band must not hide behind strong ones above it.
  let reviewBelow: number | null = null;
  for (let i = bins.length - 1; i >= 0; i--) {
    const b = bins[i]!;
    const ok = b.n >= MIN_BAND ? b.correct / b.n >= target : b.n === 0 && i < bins.length - 1;
    if (!ok) {
      reviewBelow = b.to >= 1 ? 1.01 : b.to;
      break;
    }
  }
  return {
    validatedOnLabels: options.validatedOnLabels,
    basis: options.basis,
    autoMatchThreshold: options.autoMatchThreshold,
    bins,
    autoPrecision,
    reviewBelow,
    identifierPrecision: options.identifierPrecision,
    target,
  };
}

/** The precision `trust` expects of one auto-matched pair-model row at this confidence (Laplace-smoothed band rate). */
export function bandPrecision(trust: ModelTrust, confidence: number): number {
  const bin = trust.bins.find((b) => confidence >= b.from && confidence < b.to) ?? trust.bins.at(-1);
  if (!bin) return confidence;
  return (bin.correct + confidence) / (bin.n + 1);
}
