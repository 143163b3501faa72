import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../src/store/serial-queue.js';

describe('SerialQueue', () => {
  it('runs jobs one at a time in call order, a failure not stopping the next', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) =>
      queue.run(async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([job('a', 20), job('b', 5, true), job('c', 1)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('leaves a gap for other processes after a stretch of back-to-back jobs', async () => {
    const queue = new SerialQueue(100, 60);
    const starts: number[] = [];
    const ends: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, () =>
        queue.run(async () => {
          starts.push(Date.now());
          await new Promise((r) => setTimeout(r, 20));
          ends.push(Date.now());
        }),
      ),
    );
    const gaps = starts.slice(1).map((s, i) => s - ends[i]!);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(55);
  });
});
