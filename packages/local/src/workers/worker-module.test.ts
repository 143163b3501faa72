import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { waitedWorkerCode } from './worker-module.js';

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
});
