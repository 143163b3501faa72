import { type EvaluatedRow, isCorrect } from './evaluated-row.js';

export interface HistogramBin {
  /** Bin [from, to); the last bin includes 1. */
  from: number;
  to: number;
  correct: number;
  incorrect: number;
}

/** Confidences of the predictions in equal-width bins, split by whether the prediction is right. */
export function confidenceHistogram(rows: readonly EvaluatedRow[], bins = 20): HistogramBin[] {
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    correct: 0,
    incorrect: 0,
  }));
  for (const row of rows) {
    if (row.confidence === null) continue;
    const bin = out[Math.min(bins - 1, Math.floor(row.confidence * bins))]!;
    if (isCorrect(row)) bin.correct += 1;
    else bin.incorrect += 1;
  }
  return out;
}
