import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costBreakdown,
  costOfUsage,
  emptyUsage,
  projectAnnualCost,
  sumUsage,
} from '../../src/entries/cascade.js';
import { InputError, Prices, parseCascadeConfig, Usage } from '../../src/index.js';

const USAGE_KEYS = Object.keys(emptyUsage()) as (keyof Usage)[];
const PRICE_KEYS = Object.keys(Prices.parse({})) as (keyof Prices)[];
const amount = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true });
const usageArb = fc.record(
  Object.fromEntries(USAGE_KEYS.map((k) => [k, amount])) as Record<keyof Usage, typeof amount>,
);
const pricesArb = fc.record(
  Object.fromEntries(PRICE_KEYS.map((k) => [k, fc.double({ min: 0, max: 100, noNaN: true })])) as Record<
    keyof Prices,
    fc.Arbitrary<number>
  >,
);

function closeTo(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('costOfUsage', () => {
  it('prices every usage component', () => {
    const prices = Prices.parse({
      referenceLookup: 0.00001,
      retrievalQuery: 0.0001,
      pairScored: 0.0001,
      llmCall: 0.002,
      llmPromptPerMillionTokens: 0.5,
      llmCompletionPerMillionTokens: 1.5,
      computePerHour: 3.6,
    });
    const usage = Usage.parse({
      reference_lookups: 3,
      retrieval_queries: 1,
      pairs_scored: 10,
      llm_calls: 1,
      llm_prompt_tokens: 2_000,
      llm_completion_tokens: 100,
      compute_ms: 1_000,
    });
    const expected = {
      reference_lookups: 0.00003,
      retrieval_queries: 0.0001,
      pairs_scored: 0.001,
      llm_calls: 0.002,
      llm_prompt_tokens: 0.001,
      llm_completion_tokens: 0.00015,
      compute_ms: 0.001,
    };
    const breakdown = costBreakdown(usage, prices);
    expect(Object.keys(breakdown).sort()).toEqual(Object.keys(expected).sort());
    for (const key of USAGE_KEYS) closeTo(breakdown[key], expected[key]);
    closeTo(costOfUsage(usage, prices), 0.00003 + 0.0001 + 0.001 + 0.002 + 0.001 + 0.00015 + 0.001);
  });

  it('with the default config, one retrieval query and ten scored pairs cost $0.0011', () => {
    const { prices } = parseCascadeConfig();
    closeTo(costOfUsage(Usage.parse({ retrieval_queries: 1, pairs_scored: 10 }), prices), 0.0011);
  });

  it('zero usage costs zero at any prices', () => {
    fc.assert(
      fc.property(pricesArb, (prices) => {
        expect(costOfUsage(emptyUsage(), prices) === 0).toBe(true);
      }),
    );
  });

  it('the total equals the sum of its parts', () => {
    fc.assert(
      fc.property(usageArb, pricesArb, (usage, prices) => {
        const parts = Object.values(costBreakdown(usage, prices));
        expect(parts).toHaveLength(USAGE_KEYS.length);
        closeTo(
          costOfUsage(usage, prices),
          parts.reduce((a, b) => a + b, 0),
        );
      }),
    );
  });

  it('is monotone in each usage component', () => {
    fc.assert(
      fc.property(
        usageArb,
        pricesArb,
        fc.constantFrom(...USAGE_KEYS),
        amount,
        (usage, prices, key, extra) => {
          const more = { ...usage, [key]: usage[key] + extra };
          expect(costOfUsage(more, prices)).toBeGreaterThanOrEqual(costOfUsage(usage, prices));
        },
      ),
    );
  });

  it('is additive over usage: cost(sum) = sum(costs)', () => {
    fc.assert(
      fc.property(fc.array(usageArb, { maxLength: 20 }), pricesArb, (usages, prices) => {
        const separately = usages.reduce((sum, u) => sum + costOfUsage(u, prices), 0);
        expect(Math.abs(costOfUsage(sumUsage(usages), prices) - separately)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, separately),
        );
      }),
    );
  });
});

describe('sumUsage', () => {
  it('adds component-wise and gives zeros for nothing', () => {
    expect(sumUsage([])).toEqual(emptyUsage());
    const a = Usage.parse({ retrieval_queries: 1, pairs_scored: 10, compute_ms: 5 });
    const b = Usage.parse({ retrieval_queries: 1, llm_calls: 1, llm_prompt_tokens: 900 });
    expect(sumUsage([a, b])).toEqual({
      ...emptyUsage(),
      retrieval_queries: 2,
      pairs_scored: 10,
      compute_ms: 5,
      llm_calls: 1,
      llm_prompt_tokens: 900,
    });
  });
});

describe('projectAnnualCost', () => {
  it("reproduces the guide's table for 500K entities a year", () => {
    const projection = projectAnnualCost();
    expect(projection.lines.map((l) => [l.label, Math.round(l.annualCost)])).toEqual([
      ['Exact Match (35% coverage)', 0],
      ['Vector Search (100% of entities)', 50],
      ['Ditto Matcher (90% of non-exact)', 293],
      ['Foundation Model (10% of non-exact)', 1_625],
      ['Databricks Compute', 18_000],
      ['Storage & Serving', 12_000],
    ]);
    expect(projection.lines.map((l) => l.entities)).toEqual([175_000, 500_000, 292_500, 32_500, null, null]);
    expect(projection.total).toBe(31_967.5);
    expect(Math.round(projection.total)).toBe(31_968);
    expect(projection.costPerEntity).toBeCloseTo(0.063935, 9);
  });

  it("gives each line's share of our own total (the guide's % column is not; see README)", () => {
    const shares = projectAnnualCost().lines.map((l) => Math.round(l.shareOfTotal * 10_000) / 100);
    expect(shares).toEqual([0, 0.16, 0.91, 5.08, 56.31, 37.54]);
  });

  it('lines add up to the total and shares to 1, for any projection', () => {
    const s = fc.double({ min: 0, max: 1, noNaN: true });
    const usd = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          entitiesPerYear: fc.double({ min: 0, max: 1e8, noNaN: true }),
          exactMatchShare: s,
          retrievalShare: s,
          pairModelShareOfNonExact: s,
          llmShareOfNonExact: s,
          perEntity: fc.record({ exactMatch: usd, retrieval: usd, pairModel: usd, llm: usd }),
          fixedPerYear: fc.record({ compute: usd, storageAndServing: usd }),
        }),
        (input) => {
          const p = projectAnnualCost(input);
          closeTo(
            p.total,
            p.lines.reduce((sum, l) => sum + l.annualCost, 0),
          );
          const shares = p.lines.reduce((sum, l) => sum + l.shareOfTotal, 0);
          if (p.total > 0) expect(Math.abs(shares - 1)).toBeLessThan(1e-9);
          else expect(shares).toBe(0);
          for (const line of p.lines) expect(line.shareOfTotal).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('reports every invalid field at once', () => {
    expect(() => projectAnnualCost({ exactMatchShare: 2, perEntity: { llm: -1 } })).toThrow(InputError);
    expect(() => projectAnnualCost({ exactMatchShare: 2, perEntity: { llm: -1 } })).toThrow(
      /2 problem\(s\)[\s\S]*exactMatchShare[\s\S]*perEntity\.llm/,
    );
  });
});
