import { describe, expect, it } from 'vitest';
import type { Adjudication, AdjudicationRequest } from '../ports/adjudicator.js';
import { MATCH_STAGES } from '../schemas/match-result.js';
import { createInMemoryBackends } from '../testing/fake-backends.js';
import { config, ENTITIES, REFERENCE, sourceEntity, tableScorer } from '../testing/reference-fixtures.js';
import { runCascade } from './run-cascade.js';

const usage = { calls: 1, promptTokens: 900, completionTokens: 60 };
const decided = (choice: string | null, confidence: number, reasoning = 'model says so'): Adjudication => ({
  kind: 'decided',
  choice,
  confidence,
  reasoning,
  modelVersion: 'fake-llm-1',
  usage,
});
const llmOn = config({ llm: { enabled: true } }); // bounds [0.1, 0.8)
const appleSource = sourceEntity('s1', 'Apple');

function setup(scores: Record<string, number>, reply: (req: AdjudicationRequest) => Adjudication) {
  const requests: AdjudicationRequest[] = [];
  const backends = createInMemoryBackends(REFERENCE, {
    score: tableScorer(scores),
    adjudicate: (req) => {
      requests.push(req);
      return reply(req);
    },
  });
  return { backends, requests };
}

describe('runCascade stage 4: LLM adjudication', () => {
  it('a choice among the candidates is the model’s match, with its reasoning and usage', async () => {
    const { backends, requests } = setup({ 's1|IQ1': 0.6, 's1|IQ5': 0.4 }, () =>
      decided('IQ5', 0.93, 'ticker agrees'),
    );
    const [r] = await runCascade([appleSource], backends, llmOn);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.candidates.map((c) => [c.ciq_id, c.pair_score, c.entity.company_name])).toEqual([
      ['IQ1', 0.6, 'Apple Inc.'],
      ['IQ5', 0.4, 'Apple Hospitality REIT'],
    ]);
    expect(r).toMatchObject({
      matched_ciq_id: 'IQ5',
      match_method: 'foundation_model',
      match_stage: MATCH_STAGES.llm,
      match_confidence: 0.93,
      reasoning: 'ticker agrees',
      model_version: 'fake-llm-1',
      auto_matched: true,
    });
    expect(r!.usage).toMatchObject({ llm_calls: 1, llm_prompt_tokens: 900, llm_completion_tokens: 60 });
  });

  it('a choice of none is the model’s no match at its confidence', async () => {
    const { backends } = setup({ 's1|IQ1': 0.3 }, () => decided(null, 0.95, 'different company'));
    const [r] = await runCascade([appleSource], backends, llmOn);
    expect(r).toMatchObject({
      matched_ciq_id: null,
      match_method: 'no_match',
      match_stage: MATCH_STAGES.llm,
      match_confidence: 0.95,
    });
  });

  it('a choice outside the candidates never becomes a match', async () => {
    const { backends } = setup({ 's1|IQ1': 0.6 }, () => decided('IQ2', 0.99));
    const [r] = await runCascade([appleSource], backends, llmOn);
    expect(r).toMatchObject({ matched_ciq_id: 'IQ1', match_method: 'ditto_matcher', needs_review: true });
    expect(r!.match_confidence).toBe(0.6);
    expect(r!.reasoning).toMatch(
      /^LLM adjudication failed: model chose IQ2, which is not among the candidates; sent to review\. Pair model leans to Apple Inc\. \(IQ1\)/,
    );
    expect(r!.usage.llm_calls).toBe(1);
  });

  it('a failed adjudication falls back to stage 3, capped below the threshold, usage kept', async () => {
    const { backends } = setup({ 's1|IQ1': 0.2 }, () => ({ kind: 'failed', reason: 'budget spent', usage }));
    const [r] = await runCascade([appleSource], backends, llmOn);
    // Stage 3 alone would say "no match" at 0.80; the failure keeps that, but in review.
    expect(r).toMatchObject({ matched_ciq_id: null, match_method: 'no_match', needs_review: true });
    expect(r!.match_confidence).toBeCloseTo(0.8, 10);
    expect(r!.reasoning).toMatch(/^LLM adjudication failed: budget spent; sent to review\. No match/);
    expect(r!.usage.llm_prompt_tokens).toBe(900);
  });

  it('a margin failure above the band still goes to the LLM', async () => {
    const { backends, requests } = setup({ 's1|IQ1': 0.92, 's1|IQ5': 0.88 }, () => decided('IQ1', 0.97));
    const [r] = await runCascade([appleSource], backends, llmOn);
    expect(requests).toHaveLength(1);
    expect(r).toMatchObject({
      matched_ciq_id: 'IQ1',
      match_method: 'foundation_model',
      match_confidence: 0.97,
    });
  });

  it('is not asked about accepted matches, scores below the band, or when disabled', async () => {
    const cases: [Record<string, number>, ReturnType<typeof config>][] = [
      [{ 's1|IQ1': 0.95 }, llmOn],
      [{ 's1|IQ1': 0.05 }, llmOn],
      [{ 's1|IQ1': 0.6 }, config()],
    ];
    for (const [scores, cfg] of cases) {
      const { backends, requests } = setup(scores, () => decided('IQ1', 1));
      await runCascade([appleSource], backends, cfg);
      expect(requests).toHaveLength(0);
    }
  });

  it('an identifier conflict caps the model’s confidence below the threshold', async () => {
    const { apple, microsoft } = ENTITIES;
    const { backends } = setup({ 's1|IQ1': 0.6 }, () => decided('IQ1', 0.99));
    const source = sourceEntity('s1', 'Apple Inc.', { lei: apple.lei, isin: microsoft.isin });
    const [r] = await runCascade([source], backends, llmOn);
    expect(r).toMatchObject({ matched_ciq_id: 'IQ1', match_method: 'foundation_model', auto_matched: false });
    expect(r!.match_confidence).toBeLessThan(0.9);
  });

  it('keeps at most maxParallelCalls adjudications in flight', async () => {
    const backends = createInMemoryBackends(REFERENCE, {
      score: () => 0.6,
      adjudicate: (req) => decided(req.candidates[0]!.ciq_id, 0.5),
      capabilities: { adjudicator: { maxBatchSize: 1, maxParallelCalls: 2 } },
    });
    const sources = Array.from({ length: 7 }, (_, i) => sourceEntity(`s${i}`, 'Apple'));
    const results = await runCascade(sources, backends, llmOn);
    expect(backends.calls.sizes.adjudicator).toHaveLength(7);
    expect(backends.calls.maxInFlight.adjudicator).toBe(2);
    expect(results.every((r) => r.match_method === 'foundation_model')).toBe(true);
  });
});
