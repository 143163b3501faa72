import { bandPrecision, type ModelTrust } from './trust-estimate.js';

/** One decided row, as much of it as the estimate needs. */
export interface DecidedForEstimate {
  readonly method: string;
  readonly confidence: number;
  readonly matched: boolean;
}

export interface AutoPrecisionEstimate {
  /** Estimated share of the auto-matched rows that are right. */
  readonly estimate: number;
  /** About 95% of the time the true share is within ± this. */
  readonly halfWidth: number;
  readonly autoMatched: number;
  /** True when the model was judged on labels from this data, not only on its own evidence. */
  readonly validatedOnLabels: boolean;
}

/**
 * The precision to expect of a run's auto-matched rows: exact-identifier matches at the
 * model's estimated identifier precision, pair-model matches at the held-out precision of
 * their confidence band, anything else (LLM) at its confidence. Null without a model's trust
 * or without auto-matches.
 */
export function estimateAutoPrecision(
  rows: Iterable<DecidedForEstimate>,
  trust: ModelTrust | undefined,
  autoMatchThreshold: number,
): AutoPrecisionEstimate | null {
  if (!trust) return null;
  let n = 0;
  let sum = 0;
  let byModel = 0;
  for (const r of rows) {
    if (!r.matched || r.confidence < autoMatchThreshold || r.method === 'human_review') continue;
    n++;
    if (r.method === 'exact_identifier') sum += trust.identifierPrecision;
    else if (r.method === 'pair_model') {
      sum += bandPrecision(trust, r.confidence);
      byModel++;
    } else sum += r.confidence;
  }
  if (n === 0) return null;
  const spread = trust.autoPrecision ? (trust.autoPrecision.high - trust.autoPrecision.low) / 2 : 0.05;
  return {
    estimate: sum / n,
    halfWidth: (byModel / n) * spread + (1 - trust.identifierPrecision) * ((n - byModel) / n),
    autoMatched: n,
    validatedOnLabels: trust.validatedOnLabels,
  };
}
