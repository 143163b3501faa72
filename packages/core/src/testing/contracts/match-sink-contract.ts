import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_STAGES, type MatchResult } from '../../index.js';

/** The gold columns the contract reads back. */
export interface GoldRowView {
  readonly source_id: string;
  readonly source_system: string;
  readonly matched_ciq_id: string | null;
  readonly match_method: string;
  readonly match_confidence: number;
}

export interface MatchSinkHarness {
  /** A sink writing with auto-match threshold 0.9. */
  readonly sink: import('../../index.js').MatchSink;
  readGold(): Promise<GoldRowView[]>;
  /** Record a human decision for a key (as review would). */
  markHumanReview(key: { source_id: string; source_system: string }, ciqId: string | null): Promise<void>;
  close?(): Promise<void>;
}

export function contractResult(source_id: string, over: Partial<MatchResult> = {}): MatchResult {
  return {
    source_id,
    source_system: 'CONTRACT',
    company_name: `Company ${source_id}`,
    matched_ciq_id: 'IQ24937',
    match_confidence: 0.95,
    match_method: 'ditto_matcher',
    match_stage: MATCH_STAGES.pairModel,
    reasoning: 'contract',
    matched_company_name: 'Apple Inc.',
    match_timestamp: '2025-01-02T03:04:05.000Z',
    processing_time_ms: 12,
    model_version: 'contract/1',
    needs_review: false,
    auto_matched: true,
    candidates: [
      {
        ciq_id: 'IQ24937',
        company_name: 'Apple Inc.',
        rank: 0,
        retrieval_score: 0.9,
        pair_score: 0.95,
        identifier_hits: [],
      },
    ],
    usage: {
      reference_lookups: 1,
      retrieval_queries: 1,
      pairs_scored: 1,
      llm_calls: 0,
      llm_prompt_tokens: 0,
      llm_completion_tokens: 0,
      compute_ms: 3.5,
    },
    cost_usd: 0.0002,
    ...over,
  };
}

const byKey = (rows: readonly GoldRowView[]) =>
  [...rows].sort((a, b) => a.source_id.localeCompare(b.source_id));

export function describeMatchSinkContract(name: string, make: () => Promise<MatchSinkHarness>): void {
  describe(`MatchSink contract: ${name}`, () => {
    let harness: MatchSinkHarness;
    beforeAll(async () => {
      harness = await make();
    });
    afterAll(async () => harness?.close?.());

    it('upserts one row per result, and writing the same batch twice changes nothing', async () => {
      const batch = [
        contractResult('s1'),
        contractResult('s2', { matched_ciq_id: null, match_method: 'no_match', match_confidence: 0 }),
      ];
      await harness.sink.upsert(batch);
      const once = byKey(await harness.readGold());
      await harness.sink.upsert(batch);
      expect(byKey(await harness.readGold())).toEqual(once);
      expect(
        once
          .filter((r) => r.source_system === 'CONTRACT')
          .map((r) => [r.source_id, r.matched_ciq_id, r.match_method]),
      ).toEqual([
        ['s1', 'IQ24937', 'ditto_matcher'],
        ['s2', null, 'no_match'],
      ]);
    });

    it('updates a row decided again', async () => {
      await harness.sink.upsert([contractResult('s1', { matched_ciq_id: 'IQ21835', match_confidence: 0.5 })]);
      const row = (await harness.readGold()).find((r) => r.source_id === 's1');
      expect([row?.matched_ciq_id, row?.match_confidence]).toEqual(['IQ21835', 0.5]);
    });

    it('never overwrites a human decision', async () => {
      await harness.sink.upsert([contractResult('s3')]);
      await harness.markHumanReview({ source_id: 's3', source_system: 'CONTRACT' }, 'IQ29096');
      await harness.sink.upsert([contractResult('s3', { matched_ciq_id: 'IQ24937' })]);
      const row = (await harness.readGold()).find((r) => r.source_id === 's3');
      expect([row?.matched_ciq_id, row?.match_method]).toEqual(['IQ29096', 'human_review']);
    });

    it('accepts an empty batch', async () => {
      await expect(harness.sink.upsert([])).resolves.toBeUndefined();
    });
  });
}
