import { describe, expect, it } from 'vitest';
import type { MatchMethod, MatchResult } from '../schemas/match-result.js';
import { RunTally } from './run-tally.js';

const result = (
  method: MatchMethod,
  o: { matched?: boolean; auto?: boolean; review?: boolean; cost?: number } = {},
): MatchResult =>
  ({
    match_method: method,
    matched_ciq_id: o.matched === false ? null : 'IQ1',
    auto_matched: o.auto ?? false,
    needs_review: o.review ?? false,
    cost_usd: o.cost ?? 0,
  }) as MatchResult;

describe('RunTally', () => {
  it('adds up batches into one report', () => {
    const tally = new RunTally();
    tally.add([
      result('exact_identifier', { auto: true }),
      result('no_match', { matched: false, review: true }),
    ]);
    tally.add([result('exact_identifier', { auto: true, cost: 0.25 }), result('pair_model', { cost: 0.75 })]);
    expect(tally.report('run-1', 3, 2000, 1)).toEqual({
      runId: 'run-1',
      processed: 4,
      skippedUnchanged: 3,
      byMethod: { exact_identifier: 2, no_match: 1, pair_model: 1 },
      autoMatched: 2,
      inReview: 1,
      noMatch: 1,
      costUsd: 1,
      costPerEntity: 0.25,
      durationMs: 2000,
      entitiesPerSecond: 2,
      abandonedRuns: 1,
    });
  });

  it('reports zero rates for an empty or instant run, and a byMethod the tally no longer changes', () => {
    const tally = new RunTally();
    const empty = tally.report('run-0', 0, 0, 0);
    expect(empty).toMatchObject({ processed: 0, costPerEntity: 0, entitiesPerSecond: 0, byMethod: {} });
    tally.add([result('exact_identifier')]);
    expect(empty.byMethod).toEqual({});
  });
});
