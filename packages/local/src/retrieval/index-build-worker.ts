import { type MessagePort, receiveMessageOnPort, type Worker, workerData } from 'node:worker_threads';
import { EmError } from '@em/core';
import {
  startWaitedWorker,
  THREAD_ENDED,
  type WaitedWorkerData,
  waitWhile,
} from '../workers/worker-module.js';
import { type DocTerms, extractDocTerms, renumberDocTerms } from './doc-terms.js';
import type { IndexRecord } from './name-index-arrays.js';
import { type PostingTargets, scatterPostings } from './scatter-postings.js';

/** `signal` holds the worker's state (below). */
interface BuildWorkerData extends WaitedWorkerData {
  readonly names: readonly string[];
  readonly tickers: readonly (string | null)[];
  readonly withTicker: boolean;
}

/** The tail run's vocabulary: the worker keeps the documents' entries. */
export type RunTerms = Pick<DocTerms, 'terms' | 'df'>;

/** What the worker needs to write its run's postings into the shared arrays. */
export interface ScatterJob extends PostingTargets {
  /** Worker term id → id in the joined vocabulary (`joinTerms`). */
  readonly remap: Int32Array;
  /** Number of the run's first document. */
  readonly first: number;
}

type TermsReply = { readonly ok: RunTerms } | { readonly error: string };

const WORKING = 0;
const TERMS_POSTED = 1;
const FAILED = 2;
const SCATTERED = 3;

/**
 * Both passes of an index build over documents `recordAt(from .. to)` in a worker thread,
 * while the calling thread does its own run: `terms()` gives the run's vocabulary, `scatter()`
 * has the worker renumber its entries into the joined vocabulary and write its postings into
 * shared arrays, `finish()` waits for that. The build stays synchronous: replies come over a
 * port read with `receiveMessageOnPort`, and the state over a SharedArrayBuffer flag.
 */
export class RunInWorker {
  private readonly worker: Worker;
  private readonly signal: Int32Array;
  private readonly thread: Int32Array;
  private readonly port: MessagePort;

  constructor(recordAt: (d: number) => IndexRecord, from: number, to: number, withTicker: boolean) {
    const names: string[] = [];
    const tickers: (string | null)[] = [];
    for (let d = from; d < to; d++) {
      const r = recordAt(d);
      names.push(r.company_name);
      tickers.push(withTicker ? (r.ticker ?? null) : null);
    }
    const shared = new SharedArrayBuffer(4);
    this.signal = new Int32Array(shared);
    ({
      worker: this.worker,
      port: this.port,
      thread: this.thread,
    } = startWaitedWorker(import.meta.url, 'runIndexBuildWorker', FAILED, {
      names,
      tickers,
      withTicker,
      signal: shared,
    }));
  }

  /** The run's terms and document frequencies (blocks until the worker has them). */
  terms(): RunTerms {
    const reply = this.await(WORKING) as TermsReply;
    if ('error' in reply) this.fail(reply.error);
    return reply.ok;
  }

  /** Start the worker's second pass (it runs while the caller scatters its own run). */
  scatter(job: ScatterJob): void {
    this.port.postMessage(job, [job.remap.buffer as ArrayBuffer, job.cursor.buffer as ArrayBuffer]);
  }

  /** Wait for the worker's postings. */
  finish(): void {
    this.await(TERMS_POSTED);
    this.port.close();
    void this.worker.terminate();
  }

  /** Wait while the state is `state`; the message that came with the next one (a failure throws). */
  private await(state: number): unknown {
    if (!waitWhile(this.signal, state, this.thread)) this.fail(THREAD_ENDED);
    const reply = receiveMessageOnPort(this.port)?.message as { error?: string } | undefined;
    if (Atomics.load(this.signal, 0) === FAILED) this.fail(reply?.error ?? 'no reply');
    return reply;
  }

  private fail(error: string): never {
    this.port.close();
    void this.worker.terminate();
    throw new EmError(`Index build worker failed: ${error}`);
  }
}

/** Body of an index build worker thread (see RunInWorker). */
export function runIndexBuildWorker(): void {
  const data = workerData as BuildWorkerData;
  const signal = new Int32Array(data.signal);
  const raise = (state: number): void => {
    Atomics.store(signal, 0, state);
    Atomics.notify(signal, 0);
  };
  const failed = (e: unknown): void => {
    data.port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    raise(FAILED);
  };
  let docs: DocTerms;
  try {
    docs = extractDocTerms(
      (d) => ({ company_name: data.names[d]!, ticker: data.tickers[d] ?? null }),
      data.names.length,
      data.withTicker,
    );
  } catch (e) {
    failed(e);
    return;
  }
  data.port.postMessage({ ok: { terms: docs.terms, df: docs.df } } satisfies TermsReply, [
    docs.df.buffer as ArrayBuffer,
  ]);
  raise(TERMS_POSTED);
  data.port.once('message', (job: ScatterJob) => {
    try {
      renumberDocTerms(docs, job.remap);
      scatterPostings(docs, job.first, job);
      data.port.close();
      raise(SCATTERED);
    } catch (e) {
      failed(e);
    }
  });
}
