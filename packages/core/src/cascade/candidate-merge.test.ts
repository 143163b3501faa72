import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../testing/reference-fixtures.js';
import { mergeCandidates } from './candidate-merge.js';
import { validatedIdentifiers } from './validated-identifiers.js';

const { apple, microsoft, alphabet, railway, hospitality } = ENTITIES;

describe('mergeCandidates', () => {
  it('appends identifier-hit entities after the retrieved ones at the lowest retrieved score', () => {
    const ids = validatedIdentifiers({ cusip: railway.cusip });
    const merged = mergeCandidates(
      [
        { entity: hospitality, score: 0.4, rank: 1 },
        { entity: apple, score: 0.7, rank: 0 },
      ],
      [railway, apple],
      ids,
      10,
    );
    expect(merged.map((c) => [c.entity.ciq_id, c.rank, c.score])).toEqual([
      ['IQ1', 0, 0.7],
      ['IQ5', 1, 0.4],
      ['IQ4', 2, 0.4],
    ]);
    expect(merged.map((c) => c.identifierHits)).toEqual([[], [], ['cusip']]);
    expect(merged.every((c) => c.pairScore === null)).toBe(true);
  });

  it('cuts retrieval to k and drops repeated ciq_ids, but keeps identifier hits beyond k', () => {
    const ids = validatedIdentifiers({ isin: alphabet.isin });
    const merged = mergeCandidates(
      [
        { entity: apple, score: 0.9, rank: 0 },
        { entity: apple, score: 0.9, rank: 1 },
        { entity: microsoft, score: 0.5, rank: 2 },
      ],
      [alphabet],
      ids,
      2,
    );
    expect(merged.map((c) => c.entity.ciq_id)).toEqual(['IQ1', 'IQ2', 'IQ3']);
    expect(merged.map((c) => c.rank)).toEqual([0, 1, 2]);
  });

  it('gives identifier hits score 0 when nothing was retrieved', () => {
    const merged = mergeCandidates([], [railway], validatedIdentifiers({ cusip: railway.cusip }), 10);
    expect(merged.map((c) => [c.entity.ciq_id, c.rank, c.score])).toEqual([['IQ4', 0, 0]]);
  });
});
