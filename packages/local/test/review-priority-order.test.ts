import type { PairScorer, ScoringPair } from '@em/core';
import { nameSimilarity } from '@em/core/text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { labelPriority, labelQueue } from '../src/label/label-priority.js';
import { reviewFixture } from './review-fixture.js';

/** Scores by name similarity, so the queue holds confident, uncertain and disputed cases. */
const scorer: PairScorer = {
  capabilities: { maxBatchSize: 1000, maxParallelCalls: 1 },
  modelVersion: 'name-similarity-test',
  async scorePairs(pairs: readonly ScoringPair[]) {
    return {
      modelVersion: 'name-similarity-test',
      probabilities: pairs.map((p) =>
        nameSimilarity(p.source.company_name ?? '', p.candidate.entity.company_name ?? ''),
      ),
    };
  },
};

let engine: LocalEngine;

beforeAll(async () => {
  const fixture = await reviewFixture();
  engine = fixture.engine;
  await engine.run({ full: true, backends: { retriever: fixture.retriever, scorer } });
});
afterAll(async () => {
  await engine?.close();
});

describe('review queue ordered by label priority', () => {
  it('puts the cases em label would ask about first, in its order, and cuts --limit after ordering', async () => {
    const byConfidence = await engine.reviewQueue();
    const byPriority = await engine.reviewQueue({ order: 'priority' });
    expect(byPriority.length).toBe(byConfidence.length);
    const priorities = byPriority.map(labelPriority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(priorities[0]).toBeGreaterThan(priorities.at(-1)!);
    // Not merely the confidence order again.
    expect(byPriority.map((q) => q.source_id)).not.toEqual(byConfidence.map((q) => q.source_id));
    // The cases em label asks about come in the same order (em label breaks ties by key, and
    // asks once per best candidate, so they are a subsequence: the first of them is the first).
    const key = (q: { source_system: string; source_id: string }) => `${q.source_system}/${q.source_id}`;
    const asked = labelQueue(byConfidence, 10).map(key);
    const positions = asked.map((k) => byPriority.map(key).indexOf(k));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(priorities[positions[0]!]).toBe(priorities[0]);
    const top = await engine.reviewQueue({ order: 'priority', limit: 5 });
    expect(top).toEqual(byPriority.slice(0, 5));
  });

  it('applies the filters before ordering', async () => {
    const method = 'pair_model';
    const only = await engine.reviewQueue({ order: 'priority', method });
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((q) => q.match_method === method)).toBe(true);
  });
});
