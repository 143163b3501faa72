import { describe, expect, it } from 'vitest';
import type { ScoringPair } from '../ports/pair-scorer.js';
import { MATCH_STAGES, MatchResult } from '../schemas/match-result.js';
import { createInMemoryBackends } from '../testing/fake-backends.js';
import { config, ENTITIES, REFERENCE, sourceEntity, tableScorer } from '../testing/reference-fixtures.js';
import { runCascade } from './run-cascade.js';

const { apple, microsoft, railway } = ENTITIES;
const fixedNow = () => new Date('2025-01-02T03:04:05.000Z');

describe('runCascade stage 1: exact identifiers', () => {
  it('an agreeing identifier hit wins at 1.0 without asking the pair model', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: () => 0 });
    const [r] = await runCascade(
      [sourceEntity('s1', 'Apple Inc.', { isin: apple.isin })],
      backends,
      config(),
      {
        now: fixedNow,
      },
    );
    expect(r).toMatchObject({
      matched_ciq_id: 'IQ1',
      matched_company_name: 'Apple Inc.',
      match_confidence: 1,
      match_method: 'exact_match',
      match_stage: MATCH_STAGES.exact,
      model_version: 'exact',
      needs_review: false,
      auto_matched: true,
      match_timestamp: '2025-01-02T03:04:05.000Z',
      reasoning: `Exact ISIN match (${apple.isin}); name similarity 1.00`,
    });
    expect(r!.candidates).toEqual([
      {
        ciq_id: 'IQ1',
        company_name: 'Apple Inc.',
        rank: 0,
        retrieval_score: 0,
        pair_score: null,
        identifier_hits: ['isin'],
        channels: ['isin'],
      },
    ]);
    expect(r!.usage).toMatchObject({ reference_lookups: 1, retrieval_queries: 0, pairs_scored: 0 });
    expect(backends.calls.sizes.retriever).toEqual([]);
    expect(backends.calls.sizes.scorer).toEqual([]);
    expect(MatchResult.parse(r)).toEqual(r);
  });

  it('does not query invalid identifiers and says why in the reasoning', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: tableScorer({}, 0.01) });
    const [r] = await runCascade(
      [sourceEntity('s1', 'Apple Inc.', { isin: 'US0378331006' })],
      backends,
      config(),
    );
    expect(backends.calls.sizes.lookup).toEqual([]);
    expect(r!.usage.reference_lookups).toBe(0);
    expect(r!.match_method).toBe('no_match');
    expect(r!.reasoning).toMatch(/ISIN US0378331006 ignored: ISIN check digit does not match/);
  });

  it('an identifier conflict never auto-matches, whatever the pair model says', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: tableScorer({ 's1|IQ1': 0.99 }) });
    const source = sourceEntity('s1', 'Apple Inc.', { lei: apple.lei, isin: microsoft.isin });
    const [r] = await runCascade([source], backends, config());
    expect(r!.matched_ciq_id).toBe('IQ1');
    expect(r!.match_confidence).toBeLessThan(0.9);
    expect(r!.needs_review).toBe(true);
    expect(r!.auto_matched).toBe(false);
    expect(r!.reasoning).toContain(
      'identifier conflict: LEI → Apple Inc. (IQ1), ISIN → Microsoft Corporation (IQ2)',
    );
    expect(r!.reasoning).toContain('capped');
    expect(r!.candidates.map((c) => c.ciq_id)).toContain('IQ2');
    expect(r!.candidates.find((c) => c.ciq_id === 'IQ2')?.identifier_hits).toEqual(['isin']);
  });

  it('an identifier hit whose name disagrees goes through the pair model as a candidate', async () => {
    const pairs: ScoringPair[] = [];
    const backends = createInMemoryBackends(REFERENCE, {
      score: (p) => {
        pairs.push(p);
        return 0.02;
      },
    });
    const source = sourceEntity('s1', 'Centuria Capital Group', { cusip: railway.cusip });
    const [r] = await runCascade([source], backends, config());
    expect(pairs.map((p) => p.candidate.entity.ciq_id)).toEqual(['IQ4']);
    expect(r).toMatchObject({
      match_method: 'no_match',
      matched_ciq_id: null,
      match_stage: MATCH_STAGES.pairModel,
    });
    expect(r!.match_confidence).toBeCloseTo(0.98, 10);
    expect(r!.reasoning).toMatch(
      /CUSIP hit Canadian National Railway \(IQ4\) but names disagree \(similarity 0\.\d\d\)/,
    );
    expect(r!.candidates).toEqual([
      {
        ciq_id: 'IQ4',
        company_name: 'Canadian National Railway',
        rank: 0,
        retrieval_score: 0,
        pair_score: 0.02,
        identifier_hits: ['cusip'],
        channels: ['cusip'],
      },
    ]);
  });
});

describe('runCascade stage 2: candidates', () => {
  it('without a retriever and without hits, sends the source to review at confidence 0', async () => {
    const backends = createInMemoryBackends(REFERENCE, { retriever: false, score: () => 0.99 });
    const [r] = await runCascade([sourceEntity('s1', 'Apple Inc.')], backends, config());
    expect(r).toMatchObject({
      matched_ciq_id: null,
      match_method: 'no_match',
      match_confidence: 0,
      needs_review: true,
      auto_matched: false,
      reasoning: 'No candidate retriever configured; sent to review',
      model_version: 'none',
    });
  });

  it('without a retriever, identifier-hit entities are still scored', async () => {
    const backends = createInMemoryBackends(REFERENCE, { retriever: false, score: () => 0.3 });
    const source = sourceEntity('s1', 'Apple Inc.', { lei: apple.lei, isin: microsoft.isin });
    const [r] = await runCascade([source], backends, config());
    expect(backends.calls.sizes.scorer).toEqual([2]);
    expect(r!.candidates.map((c) => c.ciq_id)).toEqual(['IQ1', 'IQ2']);
  });

  it('a retriever that finds nothing is a confident no match', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: () => 0.99 });
    const [r] = await runCascade([sourceEntity('s1', 'Zzyzx Holdings')], backends, config());
    expect(r).toMatchObject({
      match_method: 'no_match',
      match_confidence: 1,
      needs_review: false,
      candidates: [],
    });
    expect(r!.usage.retrieval_queries).toBe(1);
  });

  it('marks candidates that share a valid identifier with the source', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: () => 0.1 });
    // The CUSIP hit is untrusted (name disagrees), and the retriever finds the Apple rows.
    const source = sourceEntity('s1', 'Apple Orchards', { cusip: railway.cusip });
    const [r] = await runCascade([source], backends, config());
    expect(r!.candidates.map((c) => [c.ciq_id, c.identifier_hits])).toEqual([
      ['IQ1', []],
      ['IQ5', []],
      ['IQ4', ['cusip']],
    ]);
  });
});

describe('runCascade stage 3: pair model', () => {
  const appleSource = sourceEntity('s1', 'Apple');

  it('scores every retrieved candidate and passes retrieval context', async () => {
    const pairs: ScoringPair[] = [];
    const backends = createInMemoryBackends(REFERENCE, {
      score: (p) => {
        pairs.push(p);
        return 0.1;
      },
    });
    await runCascade([appleSource], backends, config());
    expect(pairs.map((p) => p.candidate.entity.ciq_id)).toEqual(['IQ1', 'IQ5']);
    const [first, second] = pairs;
    expect(first!.topScore).toBe(first!.candidate.score);
    expect(first!.nextScore).toBe(second!.candidate.score);
    expect(second!.nextScore).toBeNull();
  });

  it('matches the best-scored candidate, not the best-retrieved one', async () => {
    const backends = createInMemoryBackends(REFERENCE, {
      score: tableScorer({ 's1|IQ5': 0.95, 's1|IQ1': 0.1 }),
    });
    const [r] = await runCascade([appleSource], backends, config(), { engineVersion: 'em-test@1' });
    expect(r).toMatchObject({
      matched_ciq_id: 'IQ5',
      matched_company_name: 'Apple Hospitality REIT',
      match_method: 'ditto_matcher',
      match_stage: MATCH_STAGES.pairModel,
      match_confidence: 0.95,
      auto_matched: true,
      model_version: 'em-test@1/fake-scorer-1',
    });
    expect(r!.candidates.map((c) => [c.ciq_id, c.pair_score])).toEqual([
      ['IQ5', 0.95],
      ['IQ1', 0.1],
    ]);
    expect(r!.usage.pairs_scored).toBe(2);
  });

  it('a margin failure is a tentative match in review that names both candidates', async () => {
    const backends = createInMemoryBackends(REFERENCE, {
      score: tableScorer({ 's1|IQ1': 0.92, 's1|IQ5': 0.88 }),
    });
    const [r] = await runCascade([appleSource], backends, config());
    expect(r).toMatchObject({ matched_ciq_id: 'IQ1', match_method: 'ditto_matcher', needs_review: true });
    expect(r!.match_confidence).toBeCloseTo(0.89, 10);
    expect(r!.reasoning).toContain('Apple Inc. (IQ1) at 0.92 vs Apple Hospitality REIT (IQ5) at 0.88');
  });

  it('a leaning score is a tentative match at its own confidence', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: tableScorer({ 's1|IQ1': 0.6 }) });
    const [r] = await runCascade([appleSource], backends, config());
    expect(r).toMatchObject({ matched_ciq_id: 'IQ1', match_confidence: 0.6, needs_review: true });
  });

  it('a low best score is a no match at 1 − p1', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: tableScorer({ 's1|IQ1': 0.03 }) });
    const [r] = await runCascade([appleSource], backends, config());
    expect(r).toMatchObject({ matched_ciq_id: null, matched_company_name: null, match_method: 'no_match' });
    expect(r!.match_confidence).toBeCloseTo(0.97, 10);
    expect(r!.auto_matched).toBe(true);
    expect(r!.reasoning).toBe('No match: best candidate Apple Inc. (IQ1) scored 0.03');
  });

  it('without a pair model, the top candidate is left for review at confidence 0', async () => {
    const backends = createInMemoryBackends(REFERENCE);
    const [r] = await runCascade([appleSource], backends, config());
    expect(r).toMatchObject({
      matched_ciq_id: null,
      match_method: 'no_match',
      match_confidence: 0,
      needs_review: true,
    });
    expect(r!.reasoning).toMatch(
      /^No pair model configured; top candidate Apple Inc\. \(IQ1\) \(retrieval score 0\.\d\d\) left for review$/,
    );
    expect(r!.candidates.map((c) => [c.ciq_id, c.pair_score])).toEqual([
      ['IQ1', null],
      ['IQ5', null],
    ]);
  });

  it('a NaN or out-of-range pair score is clamped and noted', async () => {
    const backends = createInMemoryBackends(REFERENCE, {
      score: tableScorer({ 's1|IQ1': Number.NaN, 's1|IQ5': 1.7 }),
    });
    const [r] = await runCascade([appleSource], backends, config());
    expect(r!.candidates.map((c) => [c.ciq_id, c.pair_score])).toEqual([
      ['IQ5', 1],
      ['IQ1', 0],
    ]);
    expect(r!.reasoning).toContain('pair model returned NaN for Apple Inc. (IQ1); used 0');
    expect(r!.reasoning).toContain('pair model returned 1.7 for Apple Hospitality REIT (IQ5); used 1');
    expect(MatchResult.parse(r)).toEqual(r);
  });
});
