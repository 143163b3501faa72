import type { PredictionRow } from '../schemas/prediction-row.js';

/** One source of the gold standard joined with its prediction (null when the prediction is missing). */
export interface EvaluatedRow {
  source_id: string;
  source_system: string;
  truth: string | null;
  prediction: PredictionRow | null;
  /** The predicted reference id; none when the prediction says "no match" or is missing. */
  predicted: string | null;
  /** The prediction's confidence; null when the prediction is missing (never auto-matched). */
  confidence: number | null;
  method: string;
  stage: string;
  subsets: Record<string, boolean>;
}

export const MISSING = '(missing prediction)';

export const isAuto = (row: EvaluatedRow, threshold: number): boolean =>
  row.confidence !== null && row.confidence >= threshold;

export const isCorrect = (row: EvaluatedRow): boolean => row.predicted === row.truth;
