/** Milliseconds from an arbitrary origin (performance.now by default; tests inject a fake). */
export type Clock = () => number;

/** Anything that accumulates measured time: one entity's work. */
export interface Timed {
  elapsedMs: number;
}

export const defaultClock: Clock = () => performance.now();

/** Split `ms` equally over `shares` (an entity listed twice gets two shares). */
export function apportion(ms: number, shares: readonly Timed[]): void {
  if (shares.length === 0 || !Number.isFinite(ms) || ms <= 0) return;
  const each = ms / shares.length;
  for (const share of shares) share.elapsedMs += each;
}

/** Time one port call and apportion its duration over the items it carried. */
export async function timedCall<R>(
  clock: Clock,
  shares: readonly Timed[],
  call: () => Promise<R>,
): Promise<R> {
  const start = clock();
  try {
    return await call();
  } finally {
    apportion(clock() - start, shares);
  }
}

/** Run synchronous per-entity routing and charge each entity its own time. */
export function timedEach<T extends Timed>(clock: Clock, items: readonly T[], step: (item: T) => void): void {
  for (const item of items) {
    const start = clock();
    step(item);
    const ms = clock() - start;
    if (Number.isFinite(ms) && ms > 0) item.elapsedMs += ms;
  }
}
