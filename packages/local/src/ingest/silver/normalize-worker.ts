import { parentPort } from 'node:worker_threads';
import { type NormalizeJob, normalizeFile } from './normalize-file.js';

export type NormalizeRequest = NormalizeJob & { readonly id: number };

export type NormalizeReply =
  | { readonly kind: 'done'; readonly id: number; readonly rows: number }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };

/** Body of a normalization worker thread: answer each job with its row count, or the error. */
export function runNormalizeWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runNormalizeWorker must run in a worker thread');
  port.on('message', (job: NormalizeRequest) => {
    try {
      port.postMessage({ kind: 'done', id: job.id, rows: normalizeFile(job) } satisfies NormalizeReply);
    } catch (error) {
      port.postMessage({
        kind: 'error',
        id: job.id,
        message: (error as Error).stack ?? String(error),
      } satisfies NormalizeReply);
    }
  });
}
