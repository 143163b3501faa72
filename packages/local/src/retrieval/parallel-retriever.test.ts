import type { ReferenceEntity, SourceEntity } from '@em/core';
import { describe, expect, it } from 'vitest';
import { buildCommonBlock } from './common-block.js';
import { IndexRetriever } from './index-retriever.js';
import { NameIndex } from './name-index.js';
import { ParallelIndexRetriever } from './parallel-retriever.js';

const WORDS = [
  'acme',
  'global',
  'nordic',
  'pacific',
  'delta',
  'orion',
  'summit',
  'vertex',
  'harbor',
  'granite',
];
const row = (i: number): ReferenceEntity => ({
  ciq_id: `IQ${i}`,
  company_name: `${WORDS[i % 10]} ${WORDS[(i * 3 + 1) % 10]} ${['Holdings', 'Bank', 'Mining'][i % 3]} ${['AG', 'Inc.', 'plc'][i % 3]}`,
  ticker: `T${i % 50}`,
  lei: null,
  cusip: null,
  isin: null,
  country: ['Germany', 'France', null][i % 3]!,
  industry: null,
  sector: null,
  market_cap: null,
});
const source = (i: number): SourceEntity => ({
  source_id: `S${i}`,
  source_system: 'T',
  company_name: `${WORDS[(i * 7) % 10]!.toUpperCase()} ${WORDS[i % 10]!.slice(0, 4)}. HLDGS`,
  ticker: `T${i % 60}`,
  lei: null,
  cusip: null,
  isin: null,
  country: i % 2 ? 'Germany' : null,
  industry: null,
});

describe('ParallelIndexRetriever', () => {
  it('returns what the single-thread retriever returns, across concurrent batches', async () => {
    const reference = Array.from({ length: 500 }, (_, i) => row(i));
    const index = NameIndex.build(reference);
    const single = new IndexRetriever(index, reference);
    // No common-term block yet: the first worker builds it, the second waits for it.
    expect(index.builtCommonBlock()).toBeNull();
    const parallel = new ParallelIndexRetriever(index, reference, 2);
    try {
      const sources = Array.from({ length: 120 }, (_, i) => source(i));
      const batches = [sources.slice(0, 40), sources.slice(40, 80), sources.slice(80)];
      const results = await Promise.all(batches.map((b) => parallel.retrieve(b, 7)));
      // This thread took the worker's block rather than building its own.
      expect(index.builtCommonBlock()).toEqual(buildCommonBlock(index.arrays));
      expect(results.flat()).toEqual(await single.retrieve(sources, 7));
      expect(parallel.capabilities.maxParallelCalls).toBe(2);
    } finally {
      await parallel.close();
    }
  });

  it('fails the calls in flight and those waiting when a worker ends, and every call after close', async () => {
    const reference = Array.from({ length: 200 }, (_, i) => row(i));
    const parallel = new ParallelIndexRetriever(NameIndex.build(reference), reference, 1);
    const sources = Array.from({ length: 20 }, (_, i) => source(i));
    await parallel.retrieve(sources.slice(0, 1), 3); // the worker is up
    const inFlight = parallel.retrieve(sources, 3);
    const waiting = parallel.retrieve(sources, 3);
    // As if the system killed it: no error event, only its exit.
    const { slots } = parallel as unknown as { slots: { worker: { terminate(): Promise<number> } }[] };
    await slots[0]!.worker.terminate();
    await expect(inFlight).rejects.toThrow(/Retrieval worker crashed: it exited with code 1/);
    await expect(waiting).rejects.toThrow(/Retrieval worker crashed/);
    await expect(parallel.retrieve(sources, 3)).rejects.toThrow(/Retrieval worker crashed/);
    await parallel.close();
    const closed = new ParallelIndexRetriever(NameIndex.build(reference), reference, 1);
    await closed.close();
    await expect(closed.retrieve(sources, 3)).rejects.toThrow(/closed/);
  });
});
