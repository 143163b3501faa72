import { Worker } from 'node:worker_threads';
import { EmError } from '@em/core';
import { workerModuleCode } from '../../workers/worker-module.js';
import { type NormalizeJob, normalizeFile } from './normalize-file.js';
import type { NormalizeReply, NormalizeRequest } from './normalize-worker.js';

export { runNormalizeWorker } from './normalize-worker.js';

interface Queued {
  readonly job: NormalizeJob;
  readonly resolve: (rows: number) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  current: (Queued & { readonly id: number }) | null;
}

/**
 * Runs `normalizeFile` jobs from one queue on `workers` threads and, when `inline` is set (or
 * there are no threads), on this thread too, one job per turn of the event loop, so this thread
 * works while it waits on DuckDB. Each takes the next job when it is done with one. `close()`
 * ends the threads.
 */
export class NormalizePool {
  private readonly slots: Slot[];
  private readonly queue: Queued[] = [];
  private readonly inline: boolean;
  private inlineScheduled = false;
  private nextId = 0;

  constructor(workers: number, options: { readonly inline?: boolean } = {}) {
    this.inline = workers === 0 || options.inline === true;
    const code = workers > 0 ? workerModuleCode(import.meta.url, 'runNormalizeWorker') : '';
    this.slots = Array.from({ length: workers }, () => {
      const slot: Slot = { worker: new Worker(code, { eval: true }), current: null };
      slot.worker.on('message', (reply: NormalizeReply) => {
        const job = slot.current;
        slot.current = null;
        if (reply.kind === 'done') job?.resolve(reply.rows);
        else job?.reject(new EmError(`Normalization worker failed: ${reply.message}`));
        this.pump();
      });
      slot.worker.on('error', (error) => {
        slot.current?.reject(new EmError(`Normalization worker crashed: ${error.message}`, { cause: error }));
        slot.current = null;
        this.slots.splice(this.slots.indexOf(slot), 1);
        if (this.slots.length === 0 && !this.inline) {
          for (const queued of this.queue.splice(0))
            queued.reject(new EmError(`Normalization worker crashed: ${error.message}`, { cause: error }));
        }
      });
      return slot;
    });
  }

  run(job: NormalizeJob): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** Hand queued jobs to idle threads, and to this thread on its next turn. */
  private pump(): void {
    for (const slot of this.slots) {
      if (slot.current !== null) continue;
      const queued = this.queue.shift();
      if (!queued) return;
      slot.current = { ...queued, id: this.nextId++ };
      slot.worker.postMessage({ ...queued.job, id: slot.current.id } satisfies NormalizeRequest);
    }
    if (this.inline && !this.inlineScheduled && this.queue.length > 0) {
      this.inlineScheduled = true;
      setImmediate(() => this.runInline());
    }
  }

  private runInline(): void {
    this.inlineScheduled = false;
    const queued = this.queue.shift();
    if (!queued) return;
    try {
      queued.resolve(normalizeFile(queued.job));
    } catch (error) {
      queued.reject(error as Error);
    }
    this.pump();
  }
}
