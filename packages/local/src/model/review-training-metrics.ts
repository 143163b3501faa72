/**
 * How a model did on a fixed set of labelled sources, with @em/eval's definitions: per source
 * p = the predicted ciq_id (or none), t = the true one (or none); TP p = t ≠ none, FP p ≠ none
 * and p ≠ t, FN t ≠ none and p ≠ t. Precision, recall and F1 count every prediction (what the
 * gold table holds); the auto-match figures only predictions at or above the auto-match threshold.
 */
export interface ModelScore {
  readonly modelVersion: string;
  readonly sources: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Share of sources decided with confidence ≥ the auto-match threshold (a match or "no match"), as em-eval counts it. */
  readonly autoMatchRate: number;
  /** Precision of the matches made with confidence ≥ the auto-match threshold. */
  readonly autoPrecision: number;
}

/** The previous model (the one `em train` replaces) against the new one, on the same sources. */
export interface ModelComparison {
  /** `eval-labels`: a gold standard given to `em train`; `held-out`: the new training's held-out pairs (stage 3 alone). */
  readonly on: 'eval-labels' | 'held-out';
  readonly sources: number;
  readonly previous: ModelScore | null;
  /** Why there is no previous score (no model yet, or one trained on other features). */
  readonly previousMissing: string | null;
  readonly current: ModelScore;
  /** current − previous; null without a previous score. */
  readonly delta: {
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
    readonly autoMatchRate: number;
    readonly autoPrecision: number;
  } | null;
}

export interface DecidedRow {
  readonly predicted: string | null;
  readonly truth: string | null;
  readonly confidence: number;
}

export function scoreRows(
  modelVersion: string,
  rows: readonly DecidedRow[],
  autoThreshold: number,
): ModelScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let auto = 0;
  let autoMatched = 0;
  let autoRight = 0;
  for (const r of rows) {
    if (r.predicted !== null && r.predicted === r.truth) tp++;
    if (r.predicted !== null && r.predicted !== r.truth) fp++;
    if (r.truth !== null && r.predicted !== r.truth) fn++;
    if (r.confidence < autoThreshold) continue;
    auto++;
    if (r.predicted === null) continue;
    autoMatched++;
    if (r.predicted === r.truth) autoRight++;
  }
  return {
    modelVersion,
    sources: rows.length,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    f1: 2 * tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn),
    tp,
    fp,
    fn,
    autoMatchRate: rows.length === 0 ? 0 : auto / rows.length,
    autoPrecision: autoMatched === 0 ? 1 : autoRight / autoMatched,
  };
}

export function comparison(
  on: ModelComparison['on'],
  previous: ModelScore | null,
  previousMissing: string | null,
  current: ModelScore,
): ModelComparison {
  const delta =
    previous === null
      ? null
      : {
          precision: current.precision - previous.precision,
          recall: current.recall - previous.recall,
          f1: current.f1 - previous.f1,
          autoMatchRate: current.autoMatchRate - previous.autoMatchRate,
          autoPrecision: current.autoPrecision - previous.autoPrecision,
        };
  return { on, sources: current.sources, previous, previousMissing, current, delta };
}
