import type { MatchSink } from '../ports/match-sink.js';
import type { MatchResult } from '../schemas/match-result.js';
import { sourceKey } from '../schemas/source-entity.js';
import { mapBatches } from './map-batches.js';
import { callStage, describeBatch } from './stage-error.js';

/**
 * Upsert one cascade batch. A key repeated within the batch is written once, with its last
 * position's result (what a keyed upsert of the whole run would keep anyway), so SQL MERGE
 * sinks never see two source rows for one key.
 */
export async function writeBatch(
  sink: MatchSink,
  results: readonly MatchResult[],
  signal?: AbortSignal,
): Promise<void> {
  const lastByKey = new Map<string, MatchResult>();
  for (const result of results) {
    const key = sourceKey(result);
    lastByKey.delete(key);
    lastByKey.set(key, result);
  }
  await mapBatches(
    [...lastByKey.values()],
    sink.capabilities,
    (batch) => callStage('sink', describeBatch(batch.length, 'result'), () => sink.upsert(batch), signal),
    signal,
  );
}
