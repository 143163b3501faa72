import { InputError } from '@em/core';
import type { ChannelRecall } from '@em/core/cascade';
import { align, type SourceKey } from './metrics/align.js';
import { breakdown, type Views } from './metrics/breakdown.js';
import { candidateRecall } from './metrics/candidate-recall.js';
import { confidenceHistogram, type HistogramBin } from './metrics/confidence-histogram.js';
import { type Cost, costOf } from './metrics/cost.js';
import { bothViews } from './metrics/count-rows.js';
import { type Latency, latencyOf } from './metrics/latency.js';
import type { Metrics } from './metrics/metrics.js';
import { type FunnelStep, stageFunnel } from './metrics/stage-funnel.js';
import { compareGroups, compareStages } from './metrics/stage-of.js';
import { detectSubsetColumns, subsetMemberships } from './metrics/subsets.js';
import {
  type SweepPoint,
  type TargetPrecision,
  thresholdForPrecision,
  thresholdSweep,
} from './metrics/threshold-sweep.js';
import { type WorstError, worstErrors } from './metrics/worst-errors.js';
import type { PredictionRow } from './schemas/prediction-row.js';
import type { TruthRow } from './schemas/truth-row.js';

export const REPORT_SCHEMA_VERSION = 1;
export const DEFAULT_THRESHOLD = 0.9;

export interface EvaluateInput {
  predictions: readonly PredictionRow[];
  truth: readonly TruthRow[];
  /** Auto-match threshold on match_confidence; default 0.90. */
  threshold?: number;
  /** Boolean gold-standard columns to report separately; default: every boolean-like column with a true value. */
  subsets?: readonly string[];
  /** Also find the lowest threshold whose auto-matched set reaches this precision. */
  targetPrecision?: number;
}

/** Everything `em-eval` knows about a run; `--json` prints exactly this (see README, "JSON report"). */
export interface EvaluationReport {
  schema_version: typeof REPORT_SCHEMA_VERSION;
  threshold: number;
  counts: {
    truth: number;
    predictions: number;
    evaluated: number;
    true_match: number;
    missing: number;
    extra: number;
  };
  all: Metrics;
  auto: Metrics;
  subsets: Record<string, Views>;
  by_method: Record<string, Views>;
  by_stage: Record<string, Views>;
  latency_ms: Latency | null;
  cost: Cost | null;
  sweep: SweepPoint[];
  target_precision: TargetPrecision | null;
  confidence_histogram: HistogramBin[];
  stage_funnel: FunnelStep[];
  /**
   * Recall@k of the stored candidates over rows with a true match that went through retrieval
   * (not exact-identifier matches), in all and per channel; null when no prediction stores candidates.
   */
  candidate_recall: ChannelRecall | null;
  keys: { missing: SourceKey[]; extra: SourceKey[] };
  worst_errors: WorstError[];
}

export function checkProbability(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InputError(`${name} is ${value}; it must be a number between 0 and 1, e.g. 0.9.`);
  }
  return value;
}

/** Compare predictions with the gold standard: both views, subsets, breakdowns, sweep, latency, cost. */
export function evaluate(input: EvaluateInput): EvaluationReport {
  const threshold = checkProbability('threshold', input.threshold ?? DEFAULT_THRESHOLD);
  if (input.targetPrecision !== undefined) checkProbability('target precision', input.targetPrecision);
  const subsetColumns = input.subsets ? [...new Set(input.subsets)] : detectSubsetColumns(input.truth);
  const memberships = subsetMemberships(input.truth, subsetColumns);
  const { rows, missing, extra } = align(input.predictions, input.truth, memberships);
  const overall = bothViews(rows, threshold);
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    threshold,
    counts: {
      truth: input.truth.length,
      predictions: input.predictions.length,
      evaluated: rows.length,
      true_match: overall.all.true_match,
      missing: missing.length,
      extra: extra.length,
    },
    ...overall,
    subsets: Object.fromEntries(
      subsetColumns.map((column) => [
        column,
        bothViews(
          rows.filter((r) => r.subsets[column]),
          threshold,
        ),
      ]),
    ),
    by_method: breakdown(rows, threshold, (r) => r.method, compareGroups),
    by_stage: breakdown(rows, threshold, (r) => r.stage, compareStages),
    latency_ms: latencyOf(rows),
    cost: costOf(rows),
    sweep: thresholdSweep(rows),
    target_precision:
      input.targetPrecision === undefined ? null : thresholdForPrecision(rows, input.targetPrecision),
    confidence_histogram: confidenceHistogram(rows),
    stage_funnel: stageFunnel(rows, threshold),
    candidate_recall: candidateRecall(rows),
    keys: { missing, extra },
    worst_errors: worstErrors(rows),
  };
}
