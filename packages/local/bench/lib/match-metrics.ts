/**
 * Gold-standard metrics with @em/eval's definitions: per source p = predicted id (or none),
 * t = true id (or none). TP p = t ≠ none; FP p ≠ none, p ≠ t; FN t ≠ none, p ≠ t.
 * "all" counts every prediction; "auto" only those with confidence ≥ the threshold.
 */
export interface Row {
  readonly predicted: string | null;
  readonly truth: string | null;
  readonly confidence: number;
}

export interface Metrics {
  readonly n: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of rows with a true match whose confidence is ≥ the threshold. */
  readonly autoRateTrueMatch: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export function metrics(rows: readonly Row[], view: 'all' | 'auto', threshold = 0.9): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let trueMatch = 0;
  let autoTrueMatch = 0;
  for (const r of rows) {
    const auto = r.confidence >= threshold;
    const p = view === 'all' || auto ? r.predicted : null;
    if (r.truth !== null) {
      trueMatch++;
      if (auto) autoTrueMatch++;
    }
    if (p !== null && p === r.truth) tp++;
    if (p !== null && p !== r.truth) fp++;
    if (r.truth !== null && p !== r.truth) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    n: rows.length,
    precision,
    recall,
    f1: 2 * tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn),
    autoRateTrueMatch: trueMatch === 0 ? 1 : autoTrueMatch / trueMatch,
    tp,
    fp,
    fn,
  };
}

export const fmt = (m: Metrics): string =>
  `F1 ${m.f1.toFixed(4)} P ${m.precision.toFixed(4)} R ${m.recall.toFixed(4)} (n ${m.n}, tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
