import type { ScoredCandidate } from '@em/core';
import { describe, expect, it } from 'vitest';
import { type LabelCase, labelPriority, labelQueue } from './label-priority.js';

const candidate = (
  ciq_id: string,
  pair_score: number,
  rank: number,
  channels = ['name'],
): ScoredCandidate => ({
  ciq_id,
  company_name: ciq_id,
  rank,
  retrieval_score: 1 - rank / 10,
  pair_score,
  identifier_hits: [],
  channels,
});
const labelCase = (id: string, method: string, candidates: ScoredCandidate[]): LabelCase => ({
  source_id: id,
  source_system: 'crm',
  match_method: method,
  candidates,
});

describe('labelPriority', () => {
  const disputed = labelCase('disputed', 'pair_model', [candidate('A', 0.85, 0), candidate('B', 0.8, 1)]);
  const lonelyDoubt = labelCase('lonely', 'no_match', [candidate('C', 0.45, 0), candidate('D', 0.02, 1)]);
  const sure = labelCase('sure', 'pair_model', [candidate('E', 0.999, 0), candidate('F', 0.01, 1)]);

  it('asks first about two plausible candidates the model can hardly tell apart', () => {
    expect(labelPriority(disputed)).toBeGreaterThan(labelPriority(lonelyDoubt));
    expect(labelPriority(lonelyDoubt)).toBeGreaterThan(labelPriority(sure));
  });

  it('a runner-up another channel found adds to it; identifiers and human decisions teach nothing', () => {
    const byTicker = labelCase('ticker', 'pair_model', [
      candidate('A', 0.85, 0),
      candidate('B', 0.8, 1, ['ticker']),
    ]);
    expect(labelPriority(byTicker)).toBeGreaterThan(labelPriority(disputed));
    expect(labelPriority({ ...disputed, match_method: 'exact_identifier' })).toBe(0);
    expect(labelPriority({ ...disputed, match_method: 'human_review' })).toBe(0);
  });

  it('labelQueue takes the highest first, skips labelled and zero-priority cases', () => {
    const queue = labelQueue(
      [sure, lonelyDoubt, disputed, { ...disputed, source_id: 'x', match_method: 'exact_identifier' }],
      5,
      new Set(['crm\u0000sure']),
    );
    expect(queue.map((c) => c.source_id)).toEqual(['disputed', 'lonely']);
  });

  it('a channel disagreement counts only as far as the best candidate is plausible', () => {
    // Every score near 0: which candidate is "best" is noise, and the answer ("none") teaches little.
    const hopeless = labelCase('hopeless', 'no_match', [
      candidate('A', 0.01, 0),
      candidate('B', 0.02, 1, ['ticker']),
    ]);
    const plausible = labelCase('plausible', 'no_match', [
      candidate('A', 0.01, 0),
      candidate('B', 0.4, 1, ['ticker']),
    ]);
    expect(labelPriority(hopeless)).toBeLessThan(0.1);
    expect(labelPriority(plausible)).toBeGreaterThan(labelPriority(hopeless) + 0.3);
  });

  it('labelQueue asks once per best candidate: the same listing from several systems is one question', () => {
    const listing = (system: string) => ({
      ...labelCase('HEN3', 'no_match', [candidate('HENKEL', 0.3, 1), candidate('OTHER', 0.1, 0)]),
      source_system: system,
    });
    const queue = labelQueue([listing('BER'), listing('DUS'), listing('MUN'), disputed, lonelyDoubt], 4);
    expect(queue.map((c) => `${c.source_system}/${c.source_id}`)).toEqual([
      'crm/disputed',
      'BER/HEN3',
      'crm/lonely',
    ]);
  });
});
