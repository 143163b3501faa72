import type { Runtime } from '../index.js';

/** A virtual clock: sleep resolves at once and moves time forward; every wait is recorded. */
export function fakeRuntime(random = 0.5): Runtime & { sleeps: number[]; advance(ms: number): void } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random: () => random,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}
