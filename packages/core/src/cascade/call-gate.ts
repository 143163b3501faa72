import { atLeastOne } from './map-batches.js';

/**
 * At most `limit` calls at once across every caller of one port; the others wait, those with
 * the lowest priority number first, then in arrival order. Lets work for several batches
 * share a port without exceeding its maxParallelCalls, the earliest batch served first.
 */
export class CallGate {
  private active = 0;
  private readonly waiting: { readonly priority: number; readonly start: () => void }[] = [];

  private readonly limit: number;

  constructor(limit: number) {
    this.limit = atLeastOne(limit);
  }

  async run<R>(priority: number, call: () => Promise<R>): Promise<R> {
    if (this.active < this.limit) this.active++;
    else {
      await new Promise<void>((start) => {
        const at = this.waiting.findIndex((w) => w.priority > priority);
        this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { priority, start });
      });
    }
    try {
      return await call();
    } finally {
      // Hand the slot straight to the next caller, or free it.
      const next = this.waiting.shift();
      if (next) next.start();
      else this.active--;
    }
  }
}
