import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adjudication, AdjudicationRequest } from '../ports/adjudicator.js';
import type { ScoringPair } from '../ports/pair-scorer.js';
import { MatchResult } from '../schemas/match-result.js';
import type { SourceEntity } from '../schemas/source-entity.js';
import { createInMemoryBackends } from '../testing/fake-backends.js';
import { config, referenceEntity, sourceEntity } from '../testing/reference-fixtures.js';
import { runCascade } from './run-cascade.js';
import { canonicalIdentifier, IDENTIFIER_SCHEMES, validatedIdentifiers } from './validated-identifiers.js';

const NAMES = [
  'Apple Inc.',
  'Apple Hospitality REIT',
  'Microsoft Corporation',
  'Alphabet Inc.',
  'Canadian National Railway',
  'Banco Santander SA',
  'Siemens AG',
  'Toyota Motor Corp',
];
const REFERENCE = NAMES.map((name, i) => referenceEntity(i + 1, name));

const hash = (text: string): number => {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
};

/** An identifier slot: absent, a valid one of entity i, that one with a wrong check digit, or junk. */
const identifierSlot = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('valid' as const), entity: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constant('corrupt' as const), entity: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constant('junk' as const), text: fc.string({ maxLength: 14 }) }),
);
type Slot = typeof identifierSlot extends fc.Arbitrary<infer T> ? T : never;

function slotValue(slot: Slot, scheme: 'lei' | 'isin' | 'cusip'): string | undefined {
  if (slot.kind === 'none') return undefined;
  if (slot.kind === 'junk') return slot.text;
  const value = REFERENCE[slot.entity]![scheme]!;
  if (slot.kind === 'valid') return value;
  const last = value.at(-1)!;
  return value.slice(0, -1) + String((Number(last) + 1) % 10);
}

const sourceArb = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    name: fc.oneof(
      fc.constantFrom(...NAMES, 'Apple', 'Siemens', 'Zzyzx Holdings'),
      fc.string({ minLength: 1 }),
    ),
    lei: identifierSlot,
    isin: identifierSlot,
    cusip: identifierSlot,
  })
  .map(
    (s): SourceEntity =>
      sourceEntity(s.id, s.name, {
        ...(slotValue(s.lei, 'lei') !== undefined && { lei: slotValue(s.lei, 'lei') }),
        ...(slotValue(s.isin, 'isin') !== undefined && { isin: slotValue(s.isin, 'isin') }),
        ...(slotValue(s.cusip, 'cusip') !== undefined && { cusip: slotValue(s.cusip, 'cusip') }),
      }),
  );

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const configArb = fc.record({
  autoMatchThreshold: fc.double({ min: 0.01, max: 1, noNaN: true }),
  pairAcceptThreshold: probability,
  pairMargin: probability,
  topK: fc.integer({ min: 1, max: 5 }),
  batchSize: fc.integer({ min: 1, max: 4 }),
  identifierTrust: fc.record({ minNameSimilarity: probability }),
  llm: fc.record({ enabled: fc.boolean(), minPairScore: probability, maxPairScore: probability }),
});

const replyArb: fc.Arbitrary<(req: AdjudicationRequest) => Adjudication> = fc.oneof(
  fc.record({ pick: fc.nat(6), confidence: fc.oneof(probability, fc.constant(Number.NaN)) }).map(
    ({ pick, confidence }) =>
      (req: AdjudicationRequest): Adjudication => ({
        kind: 'decided',
        // pick 6 chooses "none"; pick 5 a ciq_id that is not among the candidates.
        choice:
          pick === 6
            ? null
            : pick === 5
              ? 'IQ999'
              : (req.candidates[pick % req.candidates.length]?.ciq_id ?? null),
        confidence,
        reasoning: `picked ${pick}`,
        modelVersion: 'llm',
        usage: { calls: 1, promptTokens: 10, completionTokens: 2 },
      }),
  ),
  fc.constant(() => ({
    kind: 'failed' as const,
    reason: 'timeout',
    usage: { calls: 2, promptTokens: 0, completionTokens: 0 },
  })),
);

const scenarioArb = fc.record({
  sources: fc.array(sourceArb, { maxLength: 12 }),
  config: configArb,
  scores: fc.array(fc.oneof(probability, fc.constant(Number.NaN), fc.double()), {
    minLength: 1,
    maxLength: 12,
  }),
  replies: fc.array(replyArb, { minLength: 1, maxLength: 4 }),
  ports: fc.record({ retriever: fc.boolean(), scorer: fc.boolean(), adjudicator: fc.boolean() }),
  maxBatchSize: fc.integer({ min: 1, max: 3 }),
  maxParallelCalls: fc.integer({ min: 1, max: 3 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function run(s: Scenario) {
  const pick = <T>(list: readonly T[], key: string): T => list[hash(key) % list.length]!;
  const caps = { maxBatchSize: s.maxBatchSize, maxParallelCalls: s.maxParallelCalls };
  const backends = createInMemoryBackends(REFERENCE, {
    retriever: s.ports.retriever,
    ...(s.ports.scorer && {
      score: (p: ScoringPair) =>
        pick(s.scores, `${p.source.source_id}|${p.source.company_name}|${p.candidate.entity.ciq_id}`),
    }),
    ...(s.ports.adjudicator && {
      adjudicate: (req: AdjudicationRequest) =>
        pick(s.replies, `${req.source.source_id}|${req.source.company_name}`)(req),
    }),
    capabilities: { lookup: caps, retriever: caps, scorer: caps, adjudicator: caps, sink: caps },
  });
  return runCascade(s.sources, backends, config(s.config));
}

/** Reference entities the source's valid identifiers point to (an oracle independent of the cascade). */
function hitEntities(source: SourceEntity): Set<string> {
  const ids = validatedIdentifiers(source);
  const hits = new Set<string>();
  for (const scheme of IDENTIFIER_SCHEMES) {
    for (const e of REFERENCE)
      if (ids[scheme] !== null && canonicalIdentifier(e[scheme]) === ids[scheme]) hits.add(e.ciq_id);
  }
  return hits;
}

const decisionsOf = (results: MatchResult[]) =>
  results.map(({ match_timestamp, processing_time_ms, cost_usd, usage, ...rest }) => ({
    ...rest,
    usage: { ...usage, compute_ms: 0 },
  }));

describe('runCascade laws', () => {
  it('returns exactly one valid result per input position, in order, with confidence in [0, 1]', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const results = await run(s);
        expect(results.map((r) => [r.source_id, r.company_name])).toEqual(
          s.sources.map((x) => [x.source_id, x.company_name]),
        );
        for (const r of results) {
          expect(MatchResult.safeParse(r).success).toBe(true);
          expect(r.match_confidence).toBeGreaterThanOrEqual(0);
          expect(r.match_confidence).toBeLessThanOrEqual(1);
          expect(r.matched_ciq_id === null).toBe(r.match_method === 'no_match');
        }
      }),
    );
  });

  it('needs_review ⇔ confidence < threshold, and auto_matched = !needs_review', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        for (const r of await run(s)) {
          expect(r.needs_review).toBe(r.match_confidence < s.config.autoMatchThreshold);
          expect(r.auto_matched).toBe(!r.needs_review);
        }
      }),
    );
  });

  it('a trusted exact identifier match (one entity, same name) wins at 1.0 whatever the models say', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(NAMES.length - 1), async (s, n) => {
        const entity = REFERENCE[n]!;
        const exact = sourceEntity('exact', entity.company_name, {
          isin: entity.isin!,
          cusip: entity.cusip!,
        });
        const results = await run({ ...s, sources: [...s.sources, exact] });
        expect(results.at(-1)).toMatchObject({
          matched_ciq_id: entity.ciq_id,
          match_confidence: 1,
          match_method: 'exact_match',
          auto_matched: true,
        });
        s.sources.forEach((source, i) => {
          const hits = hitEntities(source);
          if (
            hits.size === 1 &&
            REFERENCE.find((e) => hits.has(e.ciq_id))!.company_name === source.company_name
          ) {
            expect(results[i]).toMatchObject({ match_confidence: 1, match_method: 'exact_match' });
          }
        });
      }),
    );
  });

  it('a source whose identifiers point to two entities never auto-matches', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const results = await run(s);
        s.sources.forEach((source, i) => {
          if (hitEntities(source).size >= 2) {
            expect(results[i]!.auto_matched).toBe(false);
            expect(results[i]!.reasoning).toContain('identifier conflict');
          }
        });
      }),
    );
  });

  it('is deterministic: the same inputs and answers give the same decisions', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        expect(decisionsOf(await run(s))).toEqual(decisionsOf(await run(s)));
      }),
    );
  });
});
