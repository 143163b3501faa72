/**
 * part / whole, with an empty ratio (0/0) read as 1: no claims made means no false claims
 * (precision 1), nothing to find means nothing missed (recall 1).
 */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/**
 * Precision, recall and F1 from true positives, false positives and false negatives, the one
 * definition em-eval and training share. F1 = 2TP / (2TP + FP + FN) is 1 only without errors,
 * so a run that matches nothing while there was something to find has F1 0.
 */
export function matchRates(c: { readonly tp: number; readonly fp: number; readonly fn: number }): {
  precision: number;
  recall: number;
  f1: number;
} {
  return {
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
  };
}
