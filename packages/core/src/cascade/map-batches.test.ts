import { describe, expect, it } from 'vitest';
import { chunk, mapBatches, mapConcurrent } from './map-batches.js';

const tick = () => Promise.resolve();

describe('chunk', () => {
  it('cuts into consecutive pieces of at most size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(chunk([1, 2], Infinity)).toEqual([[1, 2]]);
  });

  it('treats a nonsensical size as 1', () => {
    expect(chunk([1, 2], 0)).toEqual([[1], [2]]);
    expect(chunk([1, 2], Number.NaN)).toEqual([[1], [2]]);
  });
});

describe('mapBatches', () => {
  it('honours maxBatchSize and maxParallelCalls and returns results in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[][] = [];
    const results = await mapBatches(
      Array.from({ length: 10 }, (_, i) => i),
      { maxBatchSize: 3, maxParallelCalls: 2 },
      async (batch, offset) => {
        seen.push([...batch]);
        inFlight++;
        peak = Math.max(peak, inFlight);
        // Later batches finish first, so order must come from positions, not completion.
        for (let i = 0; i < 10 - offset; i++) await tick();
        inFlight--;
        return offset;
      },
    );
    expect(seen.map((b) => b.length)).toEqual([3, 3, 3, 1]);
    expect(results).toEqual([0, 3, 6, 9]);
    expect(peak).toBe(2);
  });

  it('stops starting calls after a failure and throws the earliest failure', async () => {
    const started: number[] = [];
    const run = mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 1) throw new Error('one failed');
      if (item === 0) {
        await tick();
        throw new Error('zero failed');
      }
      return item;
    });
    await expect(run).rejects.toThrow('zero failed');
    expect(started).toEqual([0, 1]);
  });

  it('does not start calls once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = mapConcurrent(
      [0, 1, 2],
      1,
      async (item) => {
        started.push(item);
        controller.abort(new Error('stop'));
        return item;
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow('stop');
    expect(started).toEqual([0]);
  });
});
