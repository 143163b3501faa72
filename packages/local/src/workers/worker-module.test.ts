import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startWaitedWorker, waitedWorkerCode, waitWhile } from './worker-module.js';

/** After `ms`, sets `state[0]` to `value`: a test that would otherwise block forever fails instead. */
function watchdog(state: Int32Array, ms: number, value: number): Worker {
  const code = `const { workerData: w } = require('node:worker_threads'); setTimeout(() => { const s = new Int32Array(w); Atomics.store(s, 0, ${value}); Atomics.notify(s, 0); }, ${ms});`;
  const worker = new Worker(code, { eval: true, workerData: state.buffer });
  worker.unref();
  return worker;
}

describe('waitedWorkerCode', () => {
  it('raises the failed state and posts the error when the module cannot load', async () => {
    const signal = new SharedArrayBuffer(4);
    const state = new Int32Array(signal);
    const { port1, port2 } = new MessageChannel();
    const code = waitedWorkerCode('file:///nonexistent/em-worker.mjs', 'entry', 3);
    const worker = new Worker(code, {
      eval: true,
      workerData: { signal, port: port2 },
      transferList: [port2],
    });
    // Waits at most 20 s: a worker that never raised the flag fails the test instead of hanging it.
    for (let i = 0; i < 200 && Atomics.load(state, 0) === 0; i++) Atomics.wait(state, 0, 0, 100);
    expect(Atomics.load(state, 0)).toBe(3);
    const reply = receiveMessageOnPort(port1)?.message as { error?: string } | undefined;
    expect(reply?.error).toContain('em-worker.mjs');
    port1.close();
    await worker.terminate();
  });

  it.runIf(process.platform === 'linux')(
    'notices a worker whose thread ends without raising the flag (killed for memory, say)',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'em-worker-'));
      const module = path.join(dir, 'exits.mjs');
      writeFileSync(module, 'export function entry() { setTimeout(() => process.exit(7), 50); }\n');
      const state = new Int32Array(new SharedArrayBuffer(4));
      const { worker, port, thread } = startWaitedWorker(pathToFileURL(module).href, 'entry', 3, {
        signal: state.buffer as SharedArrayBuffer,
      });
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      const guard = watchdog(state, 20_000, 9);
      try {
        expect(waitWhile(state, 0, thread)).toBe(false);
        expect(Atomics.load(thread, 0)).toBeGreaterThan(0);
        expect(await exited).toBe(7);
      } finally {
        port.close();
        await guard.terminate();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('returns once the worker changes the state', async () => {
    const state = new Int32Array(new SharedArrayBuffer(4));
    const guard = watchdog(state, 100, 2);
    expect(waitWhile(state, 0, new Int32Array(new SharedArrayBuffer(4)))).toBe(true);
    expect(Atomics.load(state, 0)).toBe(2);
    await guard.terminate();
  });
});
