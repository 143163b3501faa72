import { Worker } from 'node:worker_threads';
import { EmError } from '@em/core';
import { workerModuleCode } from '../../workers/worker-module.js';
import { type NormalizeJob, normalizeFile } from './normalize-file.js';
import type { NormalizeReply, NormalizeRequest } from './normalize-worker.js';

export { runNormalizeWorker } from './normalize-worker.js';

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, { resolve: (rows: number) => void; reject: (error: Error) => void }>;
}

/**
 * Runs `normalizeFile` jobs on `workers` threads (round robin), or on this thread when
 * `workers` is 0. `close()` ends the threads.
 */
export class NormalizePool {
  private readonly slots: Slot[];
  private nextId = 0;

  constructor(workers: number) {
    const code = workers > 0 ? workerModuleCode(import.meta.url, 'runNormalizeWorker') : '';
    this.slots = Array.from({ length: workers }, () => {
      const slot: Slot = { worker: new Worker(code, { eval: true }), jobs: new Map() };
      slot.worker.on('message', (reply: NormalizeReply) => {
        const job = slot.jobs.get(reply.id);
        slot.jobs.delete(reply.id);
        if (reply.kind === 'done') job?.resolve(reply.rows);
        else job?.reject(new EmError(`Normalization worker failed: ${reply.message}`));
      });
      slot.worker.on('error', (error) => {
        for (const job of slot.jobs.values())
          job.reject(new EmError(`Normalization worker crashed: ${error.message}`, { cause: error }));
        slot.jobs.clear();
      });
      return slot;
    });
  }

  /** Jobs the pool can work on at once without leaving a thread idle. */
  get width(): number {
    return Math.max(1, this.slots.length);
  }

  run(job: NormalizeJob): Promise<number> {
    if (this.slots.length === 0) return Promise.resolve().then(() => normalizeFile(job));
    const id = this.nextId++;
    const slot = this.slots[id % this.slots.length]!;
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ ...job, id } satisfies NormalizeRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
