import { describe, expect, it } from 'vitest';
import { config, REFERENCE } from '../testing/reference-fixtures.js';
import type { WorkingCandidate } from './entity-work.js';
import { decidePair, rankByPairScore } from './pair-decision.js';

const scored = (...scores: number[]): WorkingCandidate[] =>
  rankByPairScore(
    scores.map((pairScore, rank) => ({
      entity: REFERENCE[rank]!,
      rank,
      score: 1 - rank / 10,
      pairScore,
      identifierHits: [],
    })),
  );

describe('decidePair (defaults: accept 0.80, margin 0.10, auto-match 0.90)', () => {
  const cfg = config();

  it('accepts the best pair when it clears the threshold and the margin', () => {
    const pd = decidePair(scored(0.2, 0.95), cfg, 'm1');
    expect(pd.verdict).toBe('accept');
    expect(pd.decision).toMatchObject({ method: 'ditto_matcher', confidence: 0.95, modelVersion: 'm1' });
    expect(pd.decision.matched?.ciq_id).toBe('IQ2');
    expect(pd.decision.reasoning).toBe(
      'Pair model matched Microsoft Corporation (IQ2) at 0.95; runner-up Apple Inc. (IQ1) at 0.20',
    );
  });

  it('counts a margin of exactly pairMargin despite float rounding', () => {
    expect(decidePair(scored(0.9, 0.8), cfg, 'm').verdict).toBe('accept');
  });

  it('makes a margin failure a tentative match below the auto-match threshold, naming both', () => {
    const pd = decidePair(scored(0.95, 0.9), cfg, 'm');
    expect(pd.verdict).toBe('margin');
    expect(pd.decision.confidence).toBeCloseTo(0.89, 10);
    expect(pd.decision.matched?.ciq_id).toBe('IQ1');
    expect(pd.decision.reasoning).toContain(
      'Apple Inc. (IQ1) at 0.95 vs Microsoft Corporation (IQ2) at 0.90',
    );
  });

  it('a sole candidate can fail the margin too (p2 = 0)', () => {
    const pd = decidePair(scored(0.85), config({ pairMargin: 0.9 }), 'm');
    expect(pd.verdict).toBe('margin');
    expect(pd.decision.reasoning).toContain('Apple Inc. (IQ1) at 0.85 vs no runner-up (margin 0.85 < 0.90)');
  });

  it('leans to the top candidate between 0.5 and accept, in review', () => {
    const pd = decidePair(scored(0.65), cfg, 'm');
    expect(pd).toMatchObject({ verdict: 'tentative', p1: 0.65, p2: 0 });
    expect(pd.decision).toMatchObject({ method: 'ditto_matcher', confidence: 0.65 });
  });

  it('keeps a tentative match in review even when accept is above the auto-match threshold', () => {
    const pd = decidePair(scored(0.93), config({ pairAcceptThreshold: 0.95 }), 'm');
    expect(pd.verdict).toBe('tentative');
    expect(pd.decision.confidence).toBeLessThan(0.9);
  });

  it('says no match below 0.5 with confidence 1 − p1', () => {
    const pd = decidePair(scored(0.03, 0.01), cfg, 'm');
    expect(pd.verdict).toBe('none');
    expect(pd.decision).toMatchObject({ method: 'no_match', matched: null });
    expect(pd.decision.confidence).toBeCloseTo(0.97, 10);
    expect(pd.decision.reasoning).toBe('No match: best candidate Apple Inc. (IQ1) scored 0.03');
  });
});
