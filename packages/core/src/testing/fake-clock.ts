/** A clock that moves only when told to: makes `processing_time_ms` exact in tests. */
export interface FakeClock {
  readonly now: () => number;
  advance(ms: number): void;
}

export function createFakeClock(start = 0): FakeClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}
