import type { CascadeConfig } from '../config/cascade-config.js';
import type { MatchResult } from '../schemas/match-result.js';
import type { SourceEntity } from '../schemas/source-entity.js';
import { runRetrievalStage } from './candidate-retrieval.js';
import type { CascadeBackends, CascadeOptions } from './cascade-types.js';
import { createWork, type EntityWork } from './entity-work.js';
import { runIdentifierStage } from './identifier-routing.js';
import { runLlmStage, shouldAdjudicate } from './llm-routing.js';
import { chunk } from './map-batches.js';
import { runPairStage } from './pair-scoring.js';
import { buildResult } from './result-building.js';
import { writeBatch } from './sink-writing.js';
import { type Clock, defaultClock } from './timing.js';

/**
 * Route every source through the cascade: 1 exact identifiers → 2 candidate retrieval →
 * 3 pair scoring → 4 LLM adjudication. Returns exactly one result per input position, in input
 * order (a duplicated key gets one result per position). Stage 1 looks up every source of the
 * call at once: each lookup statement scans the reference, so on a million rows one statement
 * per batch cost more than retrieval. The other stages and the writes go in batches of
 * `config.batchSize`, each written before the next starts. Every port call is further cut to
 * the port's capabilities. A backend failure rejects the whole call with the stage named;
 * nothing partial is returned.
 */
export async function runCascade(
  sources: readonly SourceEntity[],
  backends: CascadeBackends,
  config: CascadeConfig,
  options: CascadeOptions = {},
): Promise<MatchResult[]> {
  const clock = options.clock ?? defaultClock;
  const now = options.now ?? (() => new Date());
  const { signal } = options;
  const results: MatchResult[] = [];
  const works = sources.map((source) => startWork(source, clock));
  await runIdentifierStage(works, backends.lookup, config, clock, signal);
  for (const batch of chunk(works, config.batchSize)) {
    signal?.throwIfAborted();
    await decideBatch(batch, backends, config, clock, signal);
    const timestamp = now().toISOString();
    const built = batch.map((work) =>
      buildResult(work, {
        config,
        timestamp,
        engineVersion: options.engineVersion,
        paidUsage: options.paidUsage,
      }),
    );
    if (backends.sink) await writeBatch(backends.sink, built, signal);
    results.push(...built);
    options.onProgress?.(results.length, sources.length);
  }
  return results;
}

function startWork(source: SourceEntity, clock: Clock): EntityWork {
  const start = clock();
  const work = createWork(source);
  const ms = clock() - start;
  if (Number.isFinite(ms) && ms > 0) work.elapsedMs += ms;
  return work;
}

/** Stages 2–4 for a batch whose stage 1 is done. */
async function decideBatch(
  works: readonly EntityWork[],
  backends: CascadeBackends,
  config: CascadeConfig,
  clock: Clock,
  signal?: AbortSignal,
): Promise<void> {
  await runRetrievalStage(works, backends.retriever, config, clock, signal);
  signal?.throwIfAborted();
  const pairDecisions = await runPairStage(works, backends.scorer, config, clock, signal);
  signal?.throwIfAborted();
  const { adjudicator } = backends;
  if (!adjudicator || !config.llm.enabled) return;
  const cases = [...pairDecisions]
    .filter(([, pair]) => shouldAdjudicate(pair, config.llm))
    .map(([work, pair]) => ({ work, pair }));
  if (cases.length > 0) await runLlmStage(cases, adjudicator, config, clock, signal);
}
