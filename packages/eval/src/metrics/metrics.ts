import { matchRates, ratio } from '@em/core/features';

/**
 * Counts of one view over a set of sources. For each source, p is the predicted reference id
 * (or none) and t the true one (or none):
 * TP p = t ≠ none · FP p ≠ none, p ≠ t · FN t ≠ none, p ≠ t · TN p = t = none (a decided "no match").
 * A wrong match is both an FP and an FN.
 */
export interface Counts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** p and t are different companies (counted in fp and in fn). */
  wrong_match: number;
  /** p is a company, t is none: a match to a company absent from the reference (counted in fp). */
  false_match: number;
  /** p is none (or undecided), t is a company (counted in fn). */
  missed_match: number;
  /** Rows the view does not decide: in the "auto" view, confidence below the threshold (or no prediction). */
  undecided: number;
  /** Rows whose confidence is ≥ the threshold. */
  auto_matched: number;
  /** Rows whose truth is a company. */
  true_match: number;
  /** Rows whose truth is a company and whose confidence is ≥ the threshold. */
  auto_matched_true_match: number;
}

export interface Metrics extends Counts {
  precision: number;
  recall: number;
  f1: number;
  /** (TP + TN) / n: correct matches and correct "no match" decisions. */
  accuracy: number;
  /** Share of rows with confidence ≥ the threshold. */
  auto_match_rate: number;
  /** Share of the rows that have a true match whose confidence is ≥ the threshold. */
  auto_match_rate_true_match: number;
  /** Share of rows with confidence below the threshold (they go to review): 1 − auto_match_rate. */
  review_rate: number;
}

export const emptyCounts = (): Counts => ({
  n: 0,
  tp: 0,
  fp: 0,
  fn: 0,
  tn: 0,
  wrong_match: 0,
  false_match: 0,
  missed_match: 0,
  undecided: 0,
  auto_matched: 0,
  true_match: 0,
  auto_matched_true_match: 0,
});

export { ratio };

export function metricsFromCounts(c: Counts): Metrics {
  const autoRate = ratio(c.auto_matched, c.n);
  return {
    ...c,
    ...matchRates(c),
    accuracy: ratio(c.tp + c.tn, c.n),
    auto_match_rate: autoRate,
    auto_match_rate_true_match: ratio(c.auto_matched_true_match, c.true_match),
    review_rate: 1 - autoRate,
  };
}

/** The numbers of a Metrics object that are ratios in [0, 1]. */
export const RATE_KEYS = [
  'precision',
  'recall',
  'f1',
  'accuracy',
  'auto_match_rate',
  'auto_match_rate_true_match',
  'review_rate',
] as const;
