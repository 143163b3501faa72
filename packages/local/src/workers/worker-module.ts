import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { EmError } from '@em/core';

/**
 * Code for `new Worker(code, { eval: true })` that imports `moduleUrl` and calls its export
 * `entry`. From TypeScript sources (development and tests) the worker registers tsx first; from
 * the build, `moduleUrl` is the bundle, which exports `entry` too.
 */
export function workerModuleCode(moduleUrl: string, entry: string): string {
  const loader = moduleUrl.endsWith('.ts') ? tsLoaderUrl() : null;
  return loader
    ? `import(${JSON.stringify(loader)}).then((t) => t.register()).then(() => import(${JSON.stringify(moduleUrl)})).then((m) => m.${entry}());`
    : `import(${JSON.stringify(moduleUrl)}).then((m) => m.${entry}());`;
}

/**
 * `workerModuleCode` for a worker its caller waits on synchronously: `workerData.signal` is a
 * SharedArrayBuffer whose first Int32 is the worker's state. If the module cannot even load, the
 * worker posts `{ error }` on `workerData.port` and sets the state to `failed`, so nothing waits
 * forever. First of all it writes its thread's id into `workerData.thread`, so
 * that `waitWhile` notices a worker that ends without a word (out of memory, say).
 */
export function waitedWorkerCode(moduleUrl: string, entry: string, failed: number): string {
  const announce = `try { const { workerData: w } = require('node:worker_threads'); Atomics.store(new Int32Array(w.thread), 0, Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop())); } catch {}`;
  return `${announce} ${workerModuleCode(moduleUrl, entry).replace(/;$/, '')}.catch((e) => { const { workerData: w } = require('node:worker_threads'); w.port.postMessage({ error: String(e && e.stack || e) }); const s = new Int32Array(w.signal); Atomics.store(s, 0, ${failed}); Atomics.notify(s, 0); });`;
}

/** What every waited worker gets in `workerData`, beside its own fields. */
export interface WaitedWorkerData {
  /** Int32 at 0: the worker's state (more Int32s after it are the caller's to use). */
  readonly signal: SharedArrayBuffer;
  /** The worker's thread id, written by `waitedWorkerCode`. */
  readonly thread: SharedArrayBuffer;
  /** For replies the caller reads with `receiveMessageOnPort`. */
  readonly port: MessagePort;
}

/** A started waited worker: its handle, the caller's end of its port and its thread id slot. */
export interface WaitedWorker {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly thread: Int32Array;
}

/**
 * Start `entry` of `moduleUrl` as a waited worker (`waitedWorkerCode`) with `data` plus the
 * port and thread slot of `WaitedWorkerData`. The worker does not keep the process alive.
 */
export function startWaitedWorker(
  moduleUrl: string,
  entry: string,
  failed: number,
  data: Omit<WaitedWorkerData, 'thread' | 'port'> & Record<string, unknown>,
): WaitedWorker {
  const { port1, port2 } = new MessageChannel();
  const thread = new Int32Array(new SharedArrayBuffer(4));
  const workerData = { ...data, thread: thread.buffer, port: port2 };
  const worker = new Worker(waitedWorkerCode(moduleUrl, entry, failed), {
    eval: true,
    workerData,
    transferList: [port2],
  });
  worker.unref();
  return { worker, port: port1, thread };
}

/** Why a caller gives up when `waitWhile` returns false. */
export const THREAD_ENDED = 'its thread ended without a reply';

/**
 * Block while `signal[0]` is `state`, checking each second that the worker's thread (its id in
 * `thread`) still runs. Returns false if it ended with the state unchanged: a worker killed
 * for memory cannot raise a flag, and its `exit` event never reaches a thread blocked here.
 * Where thread ids cannot be read (not Linux), it waits as long as the state holds.
 */
export function waitWhile(signal: Int32Array, state: number, thread: Int32Array): boolean {
  while (Atomics.load(signal, 0) === state) {
    if (Atomics.wait(signal, 0, state, 1000) !== 'timed-out') continue;
    const tid = Atomics.load(thread, 0);
    if (tid > 0 && !existsSync(`/proc/self/task/${tid}`)) return Atomics.load(signal, 0) !== state;
  }
  return true;
}

/** tsx's ESM API, for workers started from TypeScript sources. */
function tsLoaderUrl(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    return pathToFileURL(path.join(path.dirname(pkg), 'dist/esm/api/index.mjs')).href;
  } catch (cause) {
    throw new EmError(
      'Worker threads need tsx to run from TypeScript sources; build the package or install tsx.',
      { cause },
    );
  }
}
