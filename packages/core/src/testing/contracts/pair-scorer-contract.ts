import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, PairScorer, ScoringPair } from '../../index.js';
import { CONTRACT_REFERENCE, source } from './contract-data.js';

export interface PairScorerHarness {
  readonly scorer: PairScorer;
  close?(): Promise<void>;
}

const pair = (name: string, ref: number, rank = 0): ScoringPair => {
  const candidate: Candidate = { entity: CONTRACT_REFERENCE[ref]!, score: 1 - rank / 10, rank };
  return {
    source: source(`p-${name}`, name, { country: CONTRACT_REFERENCE[ref]!.country }),
    candidate,
    topScore: 1,
    nextScore: null,
  };
};

export function describePairScorerContract(name: string, make: () => Promise<PairScorerHarness>): void {
  describe(`PairScorer contract: ${name}`, () => {
    let harness: PairScorerHarness;
    beforeAll(async () => {
      harness = await make();
    });
    afterAll(async () => harness?.close?.());

    it('scores every pair, in order, as a probability, and names its model', async () => {
      const pairs = [pair('Microsoft Corporation', 1), pair('Siemens AG', 0, 1), pair('Apple Inc', 0)];
      const scores = await harness.scorer.scorePairs(pairs);
      expect(scores.probabilities).toHaveLength(pairs.length);
      for (const p of scores.probabilities) expect(p >= 0 && p <= 1).toBe(true);
      expect(scores.modelVersion.length).toBeGreaterThan(0);
      expect(harness.scorer.modelVersion.length).toBeGreaterThan(0);
    });

    it('scores the same company above an unrelated one', async () => {
      const { probabilities } = await harness.scorer.scorePairs([
        pair('Microsoft Corporation', 1),
        pair('Microsoft Corporation', 4),
      ]);
      expect(probabilities[0]!).toBeGreaterThan(probabilities[1]!);
    });

    it('answers no pairs with no probabilities', async () => {
      expect((await harness.scorer.scorePairs([])).probabilities).toEqual([]);
    });
  });
}
