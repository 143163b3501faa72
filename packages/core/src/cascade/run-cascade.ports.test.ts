import { describe, expect, it } from 'vitest';
import { costOfUsage } from '../cost/index.js';
import { EmError } from '../errors.js';
import { createInMemoryBackends } from '../testing/fake-backends.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { config, ENTITIES, REFERENCE, sourceEntity } from '../testing/reference-fixtures.js';
import { runCascade } from './run-cascade.js';

const { apple, railway } = ENTITIES;
const exactSources = (n: number) =>
  Array.from({ length: n }, (_, i) => sourceEntity(`s${i}`, 'Apple Inc.', { isin: apple.isin }));
const appleSources = (n: number) => Array.from({ length: n }, (_, i) => sourceEntity(`s${i}`, 'Apple'));

describe('runCascade batching and capabilities', () => {
  it('looks up every source at once, then decides and writes in batches of config.batchSize, each reported before the next starts', async () => {
    const backends = createInMemoryBackends(REFERENCE);
    const events: string[] = [];
    const progress: [number, number][] = [];
    const lookup = {
      capabilities: backends.lookup.capabilities,
      lookupByIdentifiers: (q: Parameters<typeof backends.lookup.lookupByIdentifiers>[0]) => {
        events.push(`lookup ${q.length}`);
        return backends.lookup.lookupByIdentifiers(q);
      },
    };
    const sink = {
      capabilities: backends.sink.capabilities,
      upsert: (rows: Parameters<typeof backends.sink.upsert>[0]) => {
        events.push(`upsert ${rows.length}`);
        return backends.sink.upsert(rows);
      },
    };
    const results = await runCascade(
      exactSources(7),
      { ...backends, lookup, sink },
      config({ batchSize: 3 }),
      {
        onProgress: (done, total) => progress.push([done, total]),
      },
    );
    expect(events).toEqual(['lookup 7', 'upsert 3', 'upsert 3', 'upsert 1']);
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(backends.upserts.flat()).toEqual(results);
  });

  it('cuts each port call to its maxBatchSize', async () => {
    const backends = createInMemoryBackends(REFERENCE, {
      score: () => 0.5,
      capabilities: {
        lookup: { maxBatchSize: 2 },
        retriever: { maxBatchSize: 2 },
        scorer: { maxBatchSize: 4 },
      },
    });
    await runCascade(exactSources(7), backends, config({ batchSize: 5 }));
    expect(backends.calls.sizes.lookup).toEqual([2, 2, 2, 1]);
    await runCascade(appleSources(3), backends, config());
    expect(backends.calls.sizes.retriever).toEqual([2, 1]);
    // 3 sources × 2 candidates, batched across sources.
    expect(backends.calls.sizes.scorer).toEqual([4, 2]);
  });

  it('scores every pair among the top-k, and no more', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: () => 0.5 });
    const results = await runCascade(appleSources(3), backends, config({ topK: 10 }));
    const candidates = results.reduce((n, r) => n + r.candidates.length, 0);
    expect(candidates).toBe(6);
    expect(backends.calls.sizes.scorer.reduce((a, b) => a + b, 0)).toBe(candidates);
    expect(results.map((r) => r.usage.pairs_scored)).toEqual([2, 2, 2]);
    const top1 = createInMemoryBackends(REFERENCE, { score: () => 0.5 });
    await runCascade(appleSources(3), top1, config({ topK: 1 }));
    expect(top1.calls.sizes.scorer).toEqual([3]);
  });

  it('keeps at most maxParallelCalls calls in flight per port', async () => {
    const backends = createInMemoryBackends(REFERENCE, {
      score: () => 0.5,
      capabilities: {
        retriever: { maxBatchSize: 1, maxParallelCalls: 2 },
        scorer: { maxBatchSize: 1, maxParallelCalls: 3 },
      },
    });
    await runCascade(appleSources(5), backends, config());
    expect(backends.calls.sizes.scorer).toEqual(Array(10).fill(1));
    expect(backends.calls.maxInFlight.retriever).toBe(2);
    expect(backends.calls.maxInFlight.scorer).toBe(3);
  });

  it("retrieves the next batches while one is scored and written, within the retriever's maxParallelCalls", async () => {
    const backends = createInMemoryBackends(REFERENCE, {
      score: () => 0.5,
      capabilities: { retriever: { maxBatchSize: 1, maxParallelCalls: 1 } },
    });
    const events: string[] = [];
    let inFlight = 0;
    let most = 0;
    const inner = backends.retriever!;
    const retriever = {
      capabilities: inner.capabilities,
      retrieve: async (sources: Parameters<typeof inner.retrieve>[0], k: number) => {
        inFlight++;
        most = Math.max(most, inFlight);
        events.push(`retrieve ${sources[0]!.source_id}`);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        return inner.retrieve(sources, k);
      },
    };
    const sink = {
      capabilities: backends.sink.capabilities,
      upsert: (rows: Parameters<typeof backends.sink.upsert>[0]) => {
        events.push(`upsert ${rows[0]!.source_id}`);
        return backends.sink.upsert(rows);
      },
    };
    const ids = ['s0', 's1', 's2', 's3', 's4'];
    const results = await runCascade(
      appleSources(5),
      { ...backends, retriever, sink },
      config({ batchSize: 1 }),
    );
    expect(most).toBe(1);
    // s1's retrieval starts before s0 is written: they overlap.
    expect(events.slice(0, 3)).toEqual(['retrieve s0', 'retrieve s1', 'upsert s0']);
    expect(events.filter((e) => e.startsWith('retrieve'))).toEqual(ids.map((s) => `retrieve ${s}`));
    expect(events.filter((e) => e.startsWith('upsert'))).toEqual(ids.map((s) => `upsert ${s}`));
    expect(backends.upserts.flat()).toEqual(results);
  });
});

describe('runCascade results', () => {
  it('returns one result per input position, in order, even for a repeated key', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: () => 0.5 });
    const sources = [
      sourceEntity('a', 'Apple'),
      sourceEntity('b', 'Alphabet'),
      sourceEntity('a', 'Apple Inc.'),
    ];
    const results = await runCascade(sources, backends, config());
    expect(results.map((r) => [r.source_id, r.company_name])).toEqual([
      ['a', 'Apple'],
      ['b', 'Alphabet'],
      ['a', 'Apple Inc.'],
    ]);
    // The sink gets each key once: the last position's result.
    expect(backends.upserts.flat().map((r) => [r.source_id, r.company_name])).toEqual([
      ['b', 'Alphabet'],
      ['a', 'Apple Inc.'],
    ]);
  });

  it('measures processing time per entity: port calls shared by their items, plus routing', async () => {
    const clock = createFakeClock();
    const one = { maxParallelCalls: 1 };
    const backends = createInMemoryBackends(REFERENCE, {
      score: () => 0.5,
      clock,
      callMs: { lookup: 100, retriever: 60, scorer: 40 },
      capabilities: { lookup: one, retriever: one, scorer: one },
    });
    const sources = [
      sourceEntity('exact', 'Apple Inc.', { isin: apple.isin }), // lookup only
      sourceEntity('untrusted', 'Apple', { cusip: railway.cusip }), // lookup, retrieval, 3 pairs
      sourceEntity('plain1', 'Microsoft'), // retrieval, 1 pair
      sourceEntity('plain2', 'Alphabet'), // retrieval, 1 pair
    ];
    const results = await runCascade(sources, backends, config(), { clock: clock.now });
    // lookup 100 ms / 2 sources; retrieval 60 / 3; scoring 40 / 5 pairs.
    expect(results.map((r) => r.processing_time_ms)).toEqual([50, 50 + 20 + 24, 20 + 8, 20 + 8]);
    expect(results.map((r) => r.usage.compute_ms)).toEqual(results.map((r) => r.processing_time_ms));
  });

  it('cost_usd is money spent: zero for local compute by default, every metered stage with paidUsage all', async () => {
    const backends = createInMemoryBackends(REFERENCE, { score: () => 0.5 });
    const cfg = config({ prices: { retrievalQuery: 0.001, pairScored: 0.01 } });
    const sources = [...appleSources(2), ...exactSources(1)];
    const local = await runCascade(sources, backends, cfg);
    expect(local[0]!.usage).toMatchObject({ retrieval_queries: 1, pairs_scored: 2, reference_lookups: 0 });
    expect(local.map((r) => r.cost_usd)).toEqual([0, 0, 0]);
    const metered = await runCascade(sources, backends, cfg, { paidUsage: 'all' });
    for (const r of metered) expect(r.cost_usd).toBe(costOfUsage(r.usage, cfg.prices));
    expect(metered[0]!.cost_usd).toBeCloseTo(0.001 + 2 * 0.01, 12);
    expect(metered[0]!.cost_usd).toBeGreaterThan(metered[2]!.cost_usd);
    // The decisions themselves do not depend on where the run executes.
    const decision = (r: (typeof local)[number]) => [r.matched_ciq_id, r.match_confidence, r.needs_review];
    expect(metered.map(decision)).toEqual(local.map(decision));
  });
});

describe('runCascade failures', () => {
  it('a backend failure rejects the run with the stage named; nothing partial is returned', async () => {
    const backends = createInMemoryBackends(REFERENCE);
    const retriever = {
      capabilities: backends.retriever!.capabilities,
      retrieve: async () => {
        throw new Error('connection reset');
      },
    };
    const run = runCascade(appleSources(3), { ...backends, retriever }, config());
    await expect(run).rejects.toThrow(
      /^Stage 2 \(candidate retrieval\) failed for batch of 3 sources: connection reset$/,
    );
    await expect(run).rejects.toSatisfy(EmError.isInstance);
    expect(backends.upserts).toEqual([]);
  });

  it('the failing batch gives the run its error, though later batches were being retrieved and fail too', async () => {
    const backends = createInMemoryBackends(REFERENCE);
    const inner = backends.retriever!;
    const retriever = {
      capabilities: { maxBatchSize: 1, maxParallelCalls: 2 },
      retrieve: async (sources: Parameters<typeof inner.retrieve>[0], k: number) => {
        if (sources[0]!.source_id !== 's0') throw new Error('index closed');
        return inner.retrieve(sources, k);
      },
    };
    const scorer = {
      capabilities: { maxBatchSize: 10, maxParallelCalls: 1 },
      modelVersion: 'm',
      scorePairs: async () => {
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('model down');
      },
    };
    const run = runCascade(appleSources(3), { ...backends, retriever, scorer }, config({ batchSize: 1 }));
    await expect(run).rejects.toThrow(
      /^Stage 3 \(pair scoring\) failed for batch of 2 pairs from 1 source: model down$/,
    );
    expect(backends.upserts).toEqual([]);
  });

  it('a malformed answer is a stage failure, and retryability carries over', async () => {
    const backends = createInMemoryBackends(REFERENCE);
    const scorer = {
      capabilities: { maxBatchSize: 10, maxParallelCalls: 1 },
      modelVersion: 'm',
      scorePairs: async () => ({ probabilities: [0.5], modelVersion: 'm' }),
    };
    await expect(runCascade(appleSources(1), { ...backends, scorer }, config())).rejects.toThrow(
      'Stage 3 (pair scoring) failed for batch of 2 pairs from 1 source: Pair scorer returned 1 for 2 pairs; expected one entry per pair.',
    );
    const lookup = {
      capabilities: backends.lookup.capabilities,
      lookupByIdentifiers: async () => {
        throw new EmError('throttled', { isRetryable: true });
      },
    };
    const failure = await runCascade(exactSources(2), { ...backends, lookup }, config()).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({
      isRetryable: true,
      message: expect.stringMatching(
        /^Stage 1 \(identifier lookup\) failed for batch of 2 sources: throttled/,
      ),
    });
  });

  it('an aborted signal stops the run before any port is called', async () => {
    const backends = createInMemoryBackends(REFERENCE);
    const controller = new AbortController();
    controller.abort(new Error('cancelled by user'));
    await expect(
      runCascade(exactSources(2), backends, config(), { signal: controller.signal }),
    ).rejects.toThrow('cancelled by user');
    expect(backends.calls.sizes.lookup).toEqual([]);
  });
});
