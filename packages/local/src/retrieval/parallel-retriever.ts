import { Worker } from 'node:worker_threads';
import {
  type Candidate,
  type CandidateRetriever,
  EmError,
  type PortCapabilities,
  type ReferenceEntity,
  type SourceEntity,
} from '@em/core';
import { type ReferenceRows, referenceRows } from '../reference/reference-rows.js';
import { workerModuleCode } from '../workers/worker-module.js';
import type { IndexRecord, NameIndex } from './name-index.js';
import type { WorkerReply, WorkerRequest } from './search-worker.js';
import { type SharedIndexData, shareIndex } from './shared-index.js';

export { runSearchWorker } from './search-worker.js';

interface Pending<T = Candidate[][]> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: boolean;
}

/**
 * `CandidateRetriever` that searches in worker threads over one index in shared memory.
 * It declares `maxParallelCalls` = its worker count, so the cascade keeps every worker busy;
 * results equal `IndexRetriever`'s. Call `close()` when done (idle workers do not keep the
 * process alive).
 */
export class ParallelIndexRetriever implements CandidateRetriever {
  readonly capabilities: PortCapabilities;
  /** Calls waiting for a worker; a finishing worker is handed straight to the first. */
  private readonly waiting: Pending<Slot>[] = [];
  /** Set when a worker crashed or the retriever closed: every call from then on fails with it. */
  private crashed: EmError | null = null;
  private closed = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private readonly slots: Slot[];
  private readonly rows: ReferenceRows;
  private readonly index: NameIndex;
  private readonly data: SharedIndexData;

  /**
   * Starts `workers` threads over the index (its rows are `reference`, in order). Requests
   * posted before a worker has loaded wait in its queue, so this returns at once.
   */
  constructor(index: NameIndex, reference: readonly ReferenceEntity[] | ReferenceRows, workers: number) {
    this.rows = referenceRows(reference);
    if (index.size !== reference.length) {
      throw new EmError(
        `The retrieval index holds ${index.size} rows but the reference has ${reference.length}; rebuild it with \`em index\`.`,
      );
    }
    // Without a common-term block yet (a million rows: most of a second to build), the first
    // worker builds it while this thread goes on (the key channels are built next); the
    // others start when it is in (onReply). Until then they take no calls.
    const data = shareIndex(index);
    this.index = index;
    this.data = data;
    // The worker imports this very module (sources) or the bundle holding it (dist): both
    // export runSearchWorker (see workerModuleCode).
    const code = workerModuleCode(import.meta.url, 'runSearchWorker');
    this.slots = Array.from({ length: Math.max(1, workers) }, (_, i) => {
      const worker = new Worker(code, { eval: true });
      const slot: Slot = { worker, busy: i > 0 && data.common === null };
      if (!slot.busy) worker.postMessage({ kind: 'init', data } satisfies WorkerRequest);
      worker.unref();
      worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
      worker.on('error', (error) => this.failAll(error));
      // A worker killed from outside ends without an error event; close() ends them all on purpose.
      worker.on('exit', (code) => {
        if (!this.closed) this.failAll(new Error(`it exited with code ${code}`));
      });
      return slot;
    });
    this.capabilities = { maxBatchSize: 64, maxParallelCalls: this.slots.length };
  }

  async retrieve(sources: readonly SourceEntity[], k: number): Promise<Candidate[][]> {
    const slot = await this.acquire();
    const id = this.nextId++;
    const queries: IndexRecord[] = sources.map((s) => ({
      company_name: s.company_name,
      country: s.country,
      ticker: s.ticker,
    }));
    return new Promise<Candidate[][]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ kind: 'search', id, queries, k } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.crashed ??= new EmError('The retriever is closed: its workers have ended.');
    for (const p of [...this.pending.values(), ...this.waiting.splice(0)]) p.reject(this.crashed);
    this.pending.clear();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** A worker for one call, marked busy and holding the process open until it answers. */
  private acquire(): Promise<Slot> {
    if (this.crashed) return Promise.reject(this.crashed);
    const free = this.slots.find((s) => !s.busy);
    if (!free) return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    free.busy = true;
    free.worker.ref();
    return Promise.resolve(free);
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) {
      slot.busy = true;
      slot.worker.ref();
      next.resolve(slot);
      return;
    }
    slot.busy = false;
    slot.worker.unref();
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.kind === 'ready') return;
    if (reply.kind === 'common') {
      this.index.adoptCommonBlock(reply.common);
      const data = { ...this.data, common: reply.common };
      for (const other of this.slots.filter((s) => s !== slot)) {
        other.worker.postMessage({ kind: 'init', data } satisfies WorkerRequest);
        this.release(other);
      }
      return;
    }
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.release(slot);
    if (!pending) return;
    if (reply.kind === 'error') {
      pending.reject(new EmError(`Retrieval worker failed: ${reply.message}`));
      return;
    }
    const lists: Candidate[][] = [];
    let at = 0;
    for (const count of reply.counts) {
      const list: Candidate[] = [];
      for (let rank = 0; rank < count; rank++, at++) {
        list.push({ entity: this.rows.row(reply.docs[at]!), score: reply.scores[at]!, rank });
      }
      lists.push(list);
    }
    pending.resolve(lists);
  }

  private failAll(error: Error): void {
    this.crashed = new EmError(`Retrieval worker crashed: ${error.message}`, { cause: error });
    for (const p of [...this.pending.values(), ...this.waiting.splice(0)]) p.reject(this.crashed);
    this.pending.clear();
  }
}
