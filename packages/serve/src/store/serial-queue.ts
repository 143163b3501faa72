import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs async jobs one at a time, in call order (one open of the DuckDB file at a time per
 * process), and leaves the file alone now and then: after `maxBusyMs` of back-to-back jobs it
 * pauses `gapMs` before the next, so a writer polling for the lock (`em run --wait`, every
 * 200 ms) gets in even while the console is busy.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private busySince: number | null = null;
  private lastEnd = 0;

  constructor(
    private readonly maxBusyMs = 600,
    private readonly gapMs = 300,
  ) {}

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(
      () => this.paced(job),
      () => this.paced(job),
    );
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async paced<T>(job: () => Promise<T>): Promise<T> {
    const now = Date.now();
    if (this.busySince === null || now - this.lastEnd >= this.gapMs) this.busySince = now;
    else if (now - this.busySince >= this.maxBusyMs) {
      await sleep(this.gapMs);
      this.busySince = Date.now();
    }
    try {
      return await job();
    } finally {
      this.lastEnd = Date.now();
    }
  }
}
