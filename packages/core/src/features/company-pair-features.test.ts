import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoringPair } from '../ports/pair-scorer.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { SourceEntity } from '../schemas/source-entity.js';
import { PAIR_FEATURE_NAMES, pairFeatures } from './company-pair-features.js';

const opt = fc.option(fc.string({ maxLength: 20 }), { nil: null });
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

const source = (over: Partial<SourceEntity> = {}): SourceEntity => ({
  source_id: 's1',
  source_system: 'CRM',
  company_name: 'Acme',
  ticker: null,
  lei: null,
  cusip: null,
  isin: null,
  country: null,
  industry: null,
  ...over,
});
const entity = (over: Partial<ReferenceEntity> = {}): ReferenceEntity => ({
  ciq_id: 'IQ1',
  company_name: 'Acme',
  ticker: null,
  lei: null,
  cusip: null,
  isin: null,
  country: null,
  industry: null,
  sector: null,
  market_cap: null,
  ...over,
});
const pair = (
  s: SourceEntity,
  e: ReferenceEntity,
  score = 0.8,
  rank = 0,
  topScore = 0.8,
  nextScore: number | null = 0.5,
): ScoringPair => ({
  source: s,
  candidate: { entity: e, score, rank },
  topScore,
  nextScore,
});
const feature = (f: Float64Array, name: string): number => f[PAIR_FEATURE_NAMES.indexOf(name)]!;

describe('pairFeatures', () => {
  it('is total: one finite value per name for arbitrary records and retrieval numbers', () => {
    fc.assert(
      fc.property(
        anyText,
        anyText,
        fc.record({ ticker: opt, isin: opt, cusip: opt, lei: opt, country: opt, industry: opt }),
        fc.record({ ticker: opt, isin: opt, cusip: opt, lei: opt, country: opt, industry: opt }),
        fc.double(),
        fc.integer({ min: 0, max: 1000 }),
        fc.double(),
        fc.option(fc.double(), { nil: null }),
        (a, b, sa, ea, score, rank, top, next) => {
          const f = pairFeatures(
            pair(
              source({ company_name: a, ...sa }),
              entity({ company_name: b, ...ea }),
              score,
              rank,
              top,
              next,
            ),
          );
          expect(f.length).toBe(PAIR_FEATURE_NAMES.length);
          for (const v of f) expect(Number.isFinite(v)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('similarities lie in [0, 1] and agreements in [-1, 1]', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const f = pairFeatures(pair(source({ company_name: a }), entity({ company_name: b })));
        for (const name of PAIR_FEATURE_NAMES) {
          const v = feature(f, name);
          if (/similarity|ratio|jaro|jaccard|covered|equal|match|prefix/.test(name)) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
          if (/agreement|compatibility/.test(name)) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('sees through listing noise and legal forms', () => {
    const f = pairFeatures(
      pair(source({ company_name: 'NVIDIA CORP.  DL-,001' }), entity({ company_name: 'NVIDIA Corporation' })),
    );
    expect(feature(f, 'base_equal')).toBe(1);
    expect(feature(f, 'name_similarity')).toBe(1);
    expect(feature(f, 'source_upper_case')).toBe(1);
    expect(feature(f, 'candidate_upper_case')).toBe(0);
  });

  it('scores identifiers per scheme only when both sides validate', () => {
    const apple = 'US0378331005';
    const msft = 'US5949181045';
    const agree = pairFeatures(pair(source({ isin: apple }), entity({ isin: apple })));
    expect(feature(agree, 'isin_agreement')).toBe(1);
    expect(feature(agree, 'identifier_agreement')).toBe(1);
    const conflict = pairFeatures(pair(source({ isin: apple }), entity({ isin: msft })));
    expect(feature(conflict, 'isin_agreement')).toBe(-1);
    expect(feature(conflict, 'identifier_conflict')).toBe(1);
    const invalid = pairFeatures(pair(source({ isin: 'US0378331006' }), entity({ isin: 'US0378331006' })));
    expect(feature(invalid, 'isin_agreement')).toBe(0);
  });

  it('reads retrieval context, numbers in names, country and legal forms', () => {
    const f = pairFeatures(
      pair(
        source({ company_name: 'Fund 2 AG', country: 'Germany' }),
        entity({ company_name: 'Fund 3 Aktiengesellschaft', country: 'Austria' }),
        0.6,
        2,
        0.9,
        null,
      ),
    );
    expect(feature(f, 'gap_to_top')).toBeCloseTo(0.3);
    expect(feature(f, 'is_last_candidate')).toBe(1);
    expect(feature(f, 'retrieval_rank')).toBe(2);
    expect(feature(f, 'numbers_agreement')).toBe(-1);
    expect(feature(f, 'country_agreement')).toBe(-1);
    expect(feature(f, 'legal_form_compatibility')).toBe(1);
  });
});
