import type { PortCapabilities } from '../ports/capabilities.js';

/** A call limit or batch size as used: a whole number ≥ 1, or Infinity. */
export const atLeastOne = (n: number): number =>
  Number.isFinite(n) && n >= 1 ? Math.floor(n) : n === Infinity ? n : 1;

/**
 * Run `fn` over `items` with at most `limit` calls in flight; results come back in input order.
 * After a failure no new call starts; once the calls in flight settle, the failure of the
 * earliest item is thrown (so the error does not depend on timing).
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const failures: { index: number; error: unknown }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && failures.length === 0 && !signal?.aborted) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failures.push({ index, error });
      }
    }
  };
  const workers = Math.min(atLeastOne(limit), items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  if (failures.length > 0) {
    failures.sort((a, b) => a.index - b.index);
    throw failures[0]?.error;
  }
  signal?.throwIfAborted();
  return results;
}

/** Cut `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const step = atLeastOne(size);
  if (step === Infinity || items.length <= step) return items.length === 0 ? [] : [items.slice()];
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += step) chunks.push(items.slice(i, i + step));
  return chunks;
}

/**
 * Drive a port: cut `items` into batches of at most `capabilities.maxBatchSize` and call `fn`
 * on each with at most `capabilities.maxParallelCalls` in flight. `offset` is the batch's
 * position in `items`. Results are per batch, in order.
 */
export function mapBatches<T, R>(
  items: readonly T[],
  capabilities: PortCapabilities,
  fn: (batch: readonly T[], offset: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const batches = chunk(items, capabilities.maxBatchSize);
  const offsets: number[] = [];
  let offset = 0;
  for (const batch of batches) {
    offsets.push(offset);
    offset += batch.length;
  }
  return mapConcurrent(
    batches,
    capabilities.maxParallelCalls,
    (batch, i) => fn(batch, offsets[i] ?? 0),
    signal,
  );
}
