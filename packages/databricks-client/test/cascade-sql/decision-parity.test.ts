// Decision parity: the set-based cascade SQL (run on DuckDB, macros standing in for vector_search
// and ai_query; see parity-harness.ts for the shapes and their sources) decides every generated
// case exactly as core's runCascade does: same match, method, stage, confidence and review flag.
import { type CascadeConfigInput, parseCascadeConfig } from '@em/core';
import { describe, expect, it } from 'vitest';
import { PARITY_REFERENCE, parityCases } from './parity-cases.js';
import { coreOutcomes, type Outcome, sqlOutcomes } from './parity-harness.js';

const CONFIGS: readonly {
  readonly name: string;
  readonly input: CascadeConfigInput;
  readonly seed: number;
}[] = [
  { name: 'defaults with the LLM on', input: { llm: { enabled: true } }, seed: 1 },
  {
    name: 'custom thresholds, narrow top-k, strict identifier trust',
    input: {
      autoMatchThreshold: 0.85,
      pairAcceptThreshold: 0.7,
      pairMargin: 0.15,
      topK: 3,
      identifierTrust: { minNameSimilarity: 0.7 },
      llm: { enabled: true, minPairScore: 0.2, maxPairScore: 0.9 },
    },
    seed: 2,
  },
  {
    name: 'LLM off, permissive trust',
    input: { topK: 5, identifierTrust: { minNameSimilarity: 0 } },
    seed: 3,
  },
];
const CASES_PER_CONFIG = Number(process.env.PARITY_CASES ?? 3_400);

const describeOutcome = (o: Outcome | undefined) => JSON.stringify(o ?? null);

describe('set-based cascade SQL decides as core does', () => {
  for (const { name, input, seed } of CONFIGS) {
    it(`${name}: ${CASES_PER_CONFIG} generated cases agree 100%`, async () => {
      const config = parseCascadeConfig(input);
      const cases = parityCases(seed, CASES_PER_CONFIG, config.topK);
      const core = await coreOutcomes(cases, PARITY_REFERENCE, config);
      const { outcomes: sql } = await sqlOutcomes(cases, PARITY_REFERENCE, config);
      expect(sql.size).toBe(cases.length);
      const disagreements = [...core]
        .filter(([key, expected]) => describeOutcome(sql.get(key)) !== describeOutcome(expected))
        .map(([key, expected]) => ({ key, core: expected, sql: sql.get(key) }));
      expect(disagreements.slice(0, 5)).toEqual([]);
      // The cases reach every outcome, or agreement would prove little.
      const methods = new Set([...core.values()].map((o) => `${o.method}|${o.stage}`));
      expect(methods.size).toBeGreaterThanOrEqual(name.includes('LLM off') ? 4 : 6);
    }, 300_000);
  }

  it('runs the same number of statements for 10 rows as for 2,000', async () => {
    const config = parseCascadeConfig({ llm: { enabled: true } });
    const small = await sqlOutcomes(parityCases(7, 10, config.topK), PARITY_REFERENCE, config);
    const large = await sqlOutcomes(parityCases(7, 2_000, config.topK), PARITY_REFERENCE, config);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(16);
  }, 120_000);
});
