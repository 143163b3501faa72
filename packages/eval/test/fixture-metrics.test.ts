import { MATCH_STAGES } from '@em/core';
import { describe, expect, it } from 'vitest';
import { evaluate, loadPredictions, loadTruth } from '../src/index.js';
import { fixture } from './fixture-paths.js';

/*
 * Hand-computed. Threshold 0.90. Seven gold-standard sources and one extra prediction:
 *   001 truth IQ1, predicted IQ1 @0.99  right match            all: TP       auto: TP
 *   002 truth IQ2, predicted IQ9 @0.95  wrong match            all: FP+FN    auto: FP+FN
 *   003 truth none, predicted IQ3 @0.80 match to an absent co. all: FP       auto: undecided
 *   004 truth IQ4, predicted none @0.40 missed match           all: FN       auto: FN (undecided)
 *   005 truth none, predicted none @0.95 correct "no match"    all: TN       auto: TN
 *   006 truth IQ6, predicted IQ6 @0.85  right match, review    all: TP       auto: FN (undecided)
 *   007 truth IQ7, no prediction row    missing → "none"       all: FN       auto: FN (undecided)
 *   099 not in the gold standard        extra, left out
 * all:  TP 2 FP 2 FN 3 TN 1 → P 2/4, R 2/5, F1 4/9, accuracy 3/7
 * auto: TP 1 FP 1 FN 4 TN 1 → P 1/2, R 1/5, F1 2/7, accuracy 2/7
 * auto-matched (conf ≥ 0.9): 001, 002, 005 → 3/7; of the 5 rows with a true match: 001, 002 → 2/5.
 * hard = {002, 004, 006}: all TP 1 FP 1 FN 2 → P 1/2, R 1/3, F1 2/5; auto TP 0 FP 1 FN 3 → 0, 0, 0.
 */
describe('hand-computed fixture with every case', async () => {
  const truth = await loadTruth(fixture('truth.csv'));
  const predictions = await loadPredictions(fixture('predictions.csv'));
  const report = evaluate({ predictions, truth, targetPrecision: 0.6 });

  it('counts and metrics of the all view', () => {
    expect(report.all).toMatchObject({
      n: 7,
      tp: 2,
      fp: 2,
      fn: 3,
      tn: 1,
      wrong_match: 1,
      false_match: 1,
      missed_match: 2,
      undecided: 0,
    });
    expect(report.all.precision).toBe(0.5);
    expect(report.all.recall).toBe(0.4);
    expect(report.all.f1).toBeCloseTo(4 / 9, 12);
    expect(report.all.accuracy).toBeCloseTo(3 / 7, 12);
  });

  it('counts and metrics of the auto view', () => {
    expect(report.auto).toMatchObject({
      n: 7,
      tp: 1,
      fp: 1,
      fn: 4,
      tn: 1,
      wrong_match: 1,
      false_match: 0,
      missed_match: 3,
      undecided: 4,
    });
    expect(report.auto.precision).toBe(0.5);
    expect(report.auto.recall).toBe(0.2);
    expect(report.auto.f1).toBeCloseTo(2 / 7, 12);
    expect(report.auto.accuracy).toBeCloseTo(2 / 7, 12);
  });

  it('auto-match and review rates, overall and over rows with a true match', () => {
    for (const view of [report.all, report.auto]) {
      expect(view.auto_match_rate).toBeCloseTo(3 / 7, 12);
      expect(view.review_rate).toBeCloseTo(4 / 7, 12);
      expect(view.auto_match_rate_true_match).toBe(0.4);
    }
  });

  it('the hard subset', () => {
    const hard = report.subsets.hard!;
    expect(hard.all).toMatchObject({ n: 3, tp: 1, fp: 1, fn: 2, tn: 0 });
    expect(hard.all.f1).toBeCloseTo(0.4, 12);
    expect(hard.all.recall).toBeCloseTo(1 / 3, 12);
    expect(hard.auto).toMatchObject({ n: 3, tp: 0, fp: 1, fn: 3, precision: 0, recall: 0, f1: 0 });
    expect(Object.keys(report.subsets)).toEqual(['hard']);
  });

  it('missing and extra keys are listed, never dropped', () => {
    expect(report.counts).toEqual({
      truth: 7,
      predictions: 7,
      evaluated: 7,
      true_match: 5,
      missing: 1,
      extra: 1,
    });
    expect(report.keys.missing).toEqual([{ source_system: 'crm', source_id: '007' }]);
    expect(report.keys.extra).toEqual([{ source_system: 'crm', source_id: '099' }]);
  });

  it('per stage and per method', () => {
    expect(Object.keys(report.by_stage)).toEqual([
      MATCH_STAGES.exact_identifier,
      MATCH_STAGES.retrieval,
      MATCH_STAGES.pair_model,
      '(missing prediction)',
    ]);
    expect(report.by_stage[MATCH_STAGES.pair_model]!.all).toMatchObject({ n: 3, tp: 1, fp: 2, fn: 1 });
    expect(report.by_method.no_match!.all).toMatchObject({ n: 2, tn: 1, fn: 1 });
    expect(report.stage_funnel.map((s) => [s.entering, s.decided, s.auto, s.review])).toEqual([
      [7, 1, 1, 0],
      [6, 2, 1, 1],
      [4, 3, 1, 2],
      [1, 1, 0, 1],
    ]);
  });

  it('latency (nearest rank) and cost per entity from the recorded fields', () => {
    expect(report.latency_ms).toEqual({ n: 6, p50: 20, p95: 50, p99: 50, mean: 155 / 6, max: 50 });
    expect(report.cost!.n).toBe(6);
    expect(report.cost!.total_usd).toBeCloseTo(0.008, 12);
    expect(report.cost!.per_entity_usd).toBeCloseTo(0.008 / 6, 12);
    expect(report.cost!.by_stage[MATCH_STAGES.pair_model]!.total_usd).toBeCloseTo(0.006, 12);
  });

  it('threshold sweep and target precision', () => {
    expect(report.target_precision).toEqual({
      target: 0.6,
      reached: true,
      threshold: 0.85,
      precision: 2 / 3,
      recall: 0.4,
      f1: 0.5,
      auto_match_rate: 4 / 7,
    });
    const at = (t: number) => report.sweep.find((p) => Math.abs(p.threshold - t) < 1e-9)!;
    expect(at(0.9)).toMatchObject({ precision: 0.5, recall: 0.2 });
    expect(at(0.99)).toMatchObject({ precision: 1, recall: 0.2, auto_match_rate: 1 / 7 });
    expect(evaluate({ predictions, truth, targetPrecision: 0.9 }).target_precision).toMatchObject({
      reached: true,
      threshold: 0.99,
      recall: 0.2,
    });
  });

  it('the worst errors, most confident first, with candidates and reasoning', () => {
    expect(report.worst_errors.map((e) => [e.source_id, e.kind])).toEqual([
      ['002', 'wrong_match'],
      ['003', 'false_match'],
      ['004', 'missed_match'],
      ['007', 'missing_prediction'],
    ]);
    const first = report.worst_errors[0]!;
    expect(first).toMatchObject({
      predicted_ciq_id: 'IQ9',
      predicted_company_name: 'Nine Corp',
      true_ciq_id: 'IQ2',
      true_rank: 2,
    });
    expect(first.candidates.map((c) => c.ciq_id)).toEqual(['IQ9', 'IQ2']);
    expect(report.worst_errors[1]!.reasoning).toBe('below threshold,\nsent to review');
  });
});
