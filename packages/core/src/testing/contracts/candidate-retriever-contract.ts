import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateRetriever, ReferenceEntity } from '../../index.js';
import { CONTRACT_REFERENCE, source } from './contract-data.js';

export interface CandidateRetrieverHarness {
  readonly retriever: CandidateRetriever;
  close?(): Promise<void>;
}

export function describeCandidateRetrieverContract(
  name: string,
  make: (reference: readonly ReferenceEntity[]) => Promise<CandidateRetrieverHarness>,
): void {
  describe(`CandidateRetriever contract: ${name}`, () => {
    let harness: CandidateRetrieverHarness;
    beforeAll(async () => {
      harness = await make(CONTRACT_REFERENCE);
    });
    afterAll(async () => harness?.close?.());

    const sources = [
      source('r1', 'Microsoft Corporation'),
      source('r2', 'Ahold Delhaize'),
      source('r3', 'Apple Inc.'),
    ];

    it('returns at most k candidates per source, ranked 0…n-1 with scores not increasing', async () => {
      const lists = await harness.retriever.retrieve(sources, 3);
      expect(lists).toHaveLength(sources.length);
      for (const list of lists) {
        expect(list.length).toBeLessThanOrEqual(3);
        list.forEach((c, i) => {
          expect(c.rank).toBe(i);
          expect(Number.isFinite(c.score)).toBe(true);
          if (i > 0) expect(c.score).toBeLessThanOrEqual(list[i - 1]!.score);
        });
      }
    });

    it('returns reference rows as loaded, and finds an exact name near the top', async () => {
      const [microsoft, ahold, apple] = await harness.retriever.retrieve(sources, 3);
      expect(microsoft![0]?.entity).toEqual(CONTRACT_REFERENCE[1]);
      expect(ahold!.map((c) => c.entity.ciq_id)).toContain('IQ88201');
      expect(apple!.map((c) => c.entity.ciq_id)).toContain('IQ24937');
    });

    it('honours k = 1 and an empty batch', async () => {
      const [one] = await harness.retriever.retrieve([source('r4', 'Alphabet Inc.')], 1);
      expect(one!.length).toBeLessThanOrEqual(1);
      expect(await harness.retriever.retrieve([], 5)).toEqual([]);
    });
  });
}
