import { type MessagePort, receiveMessageOnPort, type Worker, workerData } from 'node:worker_threads';
import { EmError } from '@em/core';
import {
  startWaitedWorker,
  THREAD_ENDED,
  type WaitedWorkerData,
  waitWhile,
} from '../workers/worker-module.js';
import { accumulateHistogram, type Histogram, type HistogramInputs } from './gbdt-histogram.js';

/** `signal` is Int32 [state, start, end, feature count, features...]. */
interface HelperData extends HistogramInputs, WaitedWorkerData {
  /** The helper's sums, at the same offsets as in a full histogram. */
  readonly out: Float64Array;
}

const JOB = 1;
const DONE = 2;
const FAILED = 3;
const STOP = 4;
const HEADER = 4;
/** Flag reads before a thread sleeps (about a millisecond). */
const SPIN = 100_000;

/** Typed arrays on shared memory, so a helper thread reads what the trainer writes. */
export const sharedFloat64 = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(n * 8));
export const sharedInt32 = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(n * 4));
export function sharedBytes(from: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(from.length));
  out.set(from);
  return out;
}

/**
 * A tree's features split between the trainer (`mine`) and the helper (`theirs`): every other
 * one, as low-cardinality features cost more and alternate in the feature list.
 */
export function splitFeatures(features: Int32Array): { mine: Int32Array; theirs: Int32Array } {
  return {
    mine: features.filter((_, i) => i % 2 === 0),
    theirs: features.filter((_, i) => i % 2 === 1),
  };
}

/**
 * A worker thread that sums part of each histogram's features while the trainer sums the rest
 * (see `splitFeatures`).
 * Each feature is summed by one thread in row order, so the trees are bit-identical to one
 * thread's. Synchronous: the trainer waits on a shared flag, as the index build does.
 */
export class HistogramHelper {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly control: Int32Array;
  private readonly thread: Int32Array;
  private readonly out: Float64Array;
  private readonly offsets: Int32Array;
  private theirs: Int32Array = new Int32Array(0);

  constructor(inputs: HistogramInputs) {
    this.offsets = inputs.offsets;
    this.control = sharedInt32(HEADER + inputs.nFeatures);
    this.out = sharedFloat64(inputs.offsets[inputs.nFeatures]!);
    const signal = this.control.buffer as SharedArrayBuffer;
    ({
      worker: this.worker,
      port: this.port,
      thread: this.thread,
    } = startWaitedWorker(import.meta.url, 'runGbdtHistogramWorker', FAILED, {
      ...inputs,
      out: this.out,
      signal,
    }));
  }

  /** Start the helper on its features (`theirs`, from `splitFeatures`) over rows idx[start .. end). */
  begin(start: number, end: number, theirs: Int32Array): void {
    const c = this.control;
    this.theirs = theirs;
    c[1] = start;
    c[2] = end;
    c[3] = theirs.length;
    c.set(theirs, HEADER);
    // The worker only changes an idle flag to fail (it could not load): then this exchange fails too.
    const idle = Atomics.load(c, 0);
    if (idle === FAILED || Atomics.compareExchange(c, 0, idle, JOB) !== idle) this.fail();
    Atomics.notify(c, 0);
  }

  /** Wait for the helper, and copy its features' sums into `h`. */
  end(h: Histogram): void {
    const c = this.control;
    for (let spin = 0; spin < SPIN && Atomics.load(c, 0) === JOB; spin++);
    if (!waitWhile(c, JOB, this.thread)) this.fail(THREAD_ENDED);
    if (Atomics.load(c, 0) === FAILED) this.fail();
    const { offsets } = this;
    for (const f of this.theirs) h.set(this.out.subarray(offsets[f]!, offsets[f + 1]!), offsets[f]!);
  }

  close(): void {
    Atomics.store(this.control, 0, STOP);
    Atomics.notify(this.control, 0);
    this.port.close();
    void this.worker.terminate();
  }

  private fail(why = 'no reply'): never {
    const reply = receiveMessageOnPort(this.port)?.message as { error?: string } | undefined;
    this.close();
    throw new EmError(`GBDT histogram worker failed: ${reply?.error ?? why}`);
  }
}

/** Body of a histogram helper thread (see HistogramHelper). */
export function runGbdtHistogramWorker(): void {
  const data = workerData as HelperData;
  const c = new Int32Array(data.signal);
  for (;;) {
    let state = Atomics.load(c, 0);
    // Jobs come in quick succession while a tree grows: spin a little before sleeping, as waking
    // a sleeping thread costs more than most jobs take.
    for (let spin = 0; spin < SPIN && state !== JOB && state !== STOP; spin++) state = Atomics.load(c, 0);
    while (state !== JOB && state !== STOP) {
      Atomics.wait(c, 0, state);
      state = Atomics.load(c, 0);
    }
    if (state === STOP) return;
    try {
      const features = c.slice(HEADER, HEADER + c[3]!);
      for (const f of features) data.out.fill(0, data.offsets[f]!, data.offsets[f + 1]!);
      accumulateHistogram(data.out, data, c[1]!, c[2]!, features);
      Atomics.store(c, 0, DONE);
    } catch (e) {
      data.port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      Atomics.store(c, 0, FAILED);
    }
    Atomics.notify(c, 0);
  }
}
