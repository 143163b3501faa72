import { parentPort } from 'node:worker_threads';
import { buildCommonBlock, type CommonBlock } from './common-block.js';
import { type IndexRecord, NameIndex } from './name-index.js';
import { arraysFromShared, type SharedIndexData } from './shared-index.js';
import { TermDictionary } from './term-dictionary.js';

export type WorkerRequest =
  /** With `data.common` null, the worker builds the common-term block and replies 'common' first. */
  | { readonly kind: 'init'; readonly data: SharedIndexData }
  | {
      readonly kind: 'search';
      readonly id: number;
      readonly queries: readonly IndexRecord[];
      readonly k: number;
    };

export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'common'; readonly common: CommonBlock }
  | {
      readonly kind: 'hits';
      readonly id: number;
      readonly docs: Int32Array;
      readonly scores: Float64Array;
      readonly counts: Int32Array;
    }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };

/** Body of a search worker thread: rebuild the index over shared memory, then answer batches. */
export function runSearchWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runSearchWorker must run in a worker thread');
  let index: NameIndex | null = null;
  port.on('message', (request: WorkerRequest) => {
    if (request.kind === 'init') {
      const arrays = arraysFromShared(request.data);
      const common = request.data.common ?? buildCommonBlock(arrays, request.data.commonFraction);
      index = new NameIndex(arrays, { common, dictionary: new TermDictionary(request.data.dictionary) });
      if (request.data.common === null) port.postMessage({ kind: 'common', common } satisfies WorkerReply);
      port.postMessage({ kind: 'ready' } satisfies WorkerReply);
      return;
    }
    try {
      const lists = request.queries.map((q) => index!.search(q, request.k));
      const total = lists.reduce((n, l) => n + l.length, 0);
      const docs = new Int32Array(total);
      const scores = new Float64Array(total);
      const counts = Int32Array.from(lists, (l) => l.length);
      let at = 0;
      for (const list of lists) {
        for (const hit of list) {
          docs[at] = hit.doc;
          scores[at++] = hit.score;
        }
      }
      const reply: WorkerReply = { kind: 'hits', id: request.id, docs, scores, counts };
      port.postMessage(reply, [docs.buffer, scores.buffer, counts.buffer]);
    } catch (error) {
      port.postMessage({
        kind: 'error',
        id: request.id,
        message: (error as Error).message,
      } satisfies WorkerReply);
    }
  });
}
