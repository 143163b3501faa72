import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseNameSimilarity, nameSimilarity } from '../../src/entries/text.js';

describe('nameSimilarity', () => {
  it.each([
    ['NVIDIA CORP.  DL-,001', 'NVIDIA CORP NVIDIA ORD SHS'],
    ['ERG S.P.A.  EO 0,10', 'ERG S.p.A.'],
    ['SITC INTL HLDG', 'SITC International Holdings Company'],
    ['MATERNUS-KLI', 'MATERNUS-Kliniken AG'],
    ['KLOECKNER', 'Kloeckner & Co SE'],
    ['Nano Dimension Ltd.', 'NanoDimension'],
    ['Siemens Aktiengesellschaft', 'SIEMENS AG NA O.N.'],
  ])('scores listing variants of one company high: %j vs %j', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['Centuria Capital Group', 'Canadian National Railway Company'],
    ['Applied Materials', 'Mulkia Gulf Real Estate REIT'],
    ['Microsoft Corporation', 'Alahli Capital - Al-Ahli Reit Fund'],
    ['Waste Connections, Inc.', 'White Cliff Minerals Limited'],
    ['Hasbro, Inc.', 'Hays plc'],
    ['Teradyne, Inc.', 'Tern Plc'],
    ['Viatris, Inc.', 'Vianini S.p.A.'],
  ])('scores unrelated companies that share an identifier low: %j vs %j', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(0.5);
  });

  const names = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      'ACME CORP.  DL-,01',
      'Acme Corporation',
      'AG',
      'S.A.',
      '',
      '  ',
      'Ａｃｍｅ',
      'ÀCMÉ Holdings',
    ),
  );

  it('is total, in [0, 1] and symmetric on arbitrary Unicode', () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        const score = nameSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBe(score);
      }),
      { numRuns: 1000 },
    );
  });

  it('is 1 on identical input, including names that normalize to nothing', () => {
    fc.assert(
      fc.property(names, (a) => {
        expect(nameSimilarity(a, a)).toBe(1);
      }),
    );
    expect(nameSimilarity('AG', ' ag ')).toBe(1);
    expect(nameSimilarity('', 'Acme')).toBe(0);
  });

  it('compares on the full normalized name when a base is empty', () => {
    expect(nameSimilarity('AG', 'Acme AG')).toBeLessThan(0.5);
  });
});

describe('baseNameSimilarity', () => {
  it('rejoins words split on one side only', () => {
    expect(baseNameSimilarity('wal mart stores', 'walmart')).toBe(1);
  });

  it('squares the score of names that share no word', () => {
    expect(baseNameSimilarity('waters', 'waterco')).toBeCloseTo((10 / 13) ** 2, 12);
    expect(baseNameSimilarity('reliq health technologies', 'resonance health')).toBeGreaterThan(0.5);
  });
});
