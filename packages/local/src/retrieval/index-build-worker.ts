import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
  workerData,
} from 'node:worker_threads';
import { EmError } from '@em/core';
import { workerModuleCode } from '../workers/worker-module.js';
import { type DocTerms, extractDocTerms } from './doc-terms.js';
import type { IndexRecord } from './name-index-arrays.js';

interface BuildWorkerData {
  readonly names: readonly string[];
  readonly tickers: readonly (string | null)[];
  readonly withTicker: boolean;
  /** Int32 at 0: 0 working, 1 result posted on `port`, 2 failed (message posted). */
  readonly signal: SharedArrayBuffer;
  readonly port: MessagePort;
}

type BuildReply = { readonly ok: DocTerms } | { readonly error: string };

const WORKING = 0;
const DONE = 1;
const FAILED = 2;

/**
 * The first pass of an index build over documents `recordAt(from .. to)` in a worker thread,
 * while the calling thread does its own share. `take()` blocks until the worker is done, so
 * the build stays synchronous: the reply comes over a port read with `receiveMessageOnPort`,
 * not through the event loop.
 */
export class DocTermsInWorker {
  private readonly worker: Worker;
  private readonly signal: Int32Array;
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
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: BuildWorkerData = { names, tickers, withTicker, signal: shared, port: port2 };
    // A worker that cannot even load its module still raises the flag, so take() never hangs.
    const code = `${workerModuleCode(import.meta.url, 'runIndexBuildWorker').replace(/;$/, '')}.catch((e) => { const { workerData: w } = require('node:worker_threads'); w.port.postMessage({ error: String(e && e.stack || e) }); const s = new Int32Array(w.signal); Atomics.store(s, 0, ${FAILED}); Atomics.notify(s, 0); });`;
    this.worker = new Worker(code, { eval: true, workerData: data, transferList: [port2] });
    this.worker.unref();
  }

  /** The worker's DocTerms (blocks until it has them). */
  take(): DocTerms {
    while (Atomics.load(this.signal, 0) === WORKING) Atomics.wait(this.signal, 0, WORKING, 1000);
    const reply = receiveMessageOnPort(this.port)?.message as BuildReply | undefined;
    this.port.close();
    void this.worker.terminate();
    if (!reply || 'error' in reply) {
      throw new EmError(`Index build worker failed: ${reply ? reply.error : 'no reply'}`);
    }
    return reply.ok;
  }
}

/** Body of an index build worker thread (see DocTermsInWorker). */
export function runIndexBuildWorker(): void {
  const data = workerData as BuildWorkerData;
  const signal = new Int32Array(data.signal);
  let reply: BuildReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const ok = extractDocTerms(
      (d) => ({ company_name: data.names[d]!, ticker: data.tickers[d] ?? null }),
      data.names.length,
      data.withTicker,
    );
    reply = { ok };
    transfer = [ok.df, ok.docOffsets, ok.docTerms, ok.docTf].map((a) => a.buffer as ArrayBuffer);
  } catch (e) {
    reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  data.port.postMessage(reply, transfer);
  Atomics.store(signal, 0, 'ok' in reply ? DONE : FAILED);
  Atomics.notify(signal, 0);
}
