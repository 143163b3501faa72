import type { CascadeConfig } from '../config/cascade-config.js';
import type { MatchResult } from '../schemas/match-result.js';
import type { SourceEntity } from '../schemas/source-entity.js';
import { CallGate } from './call-gate.js';
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
 * `config.batchSize`, each written before the next starts; the next batch's retrieval runs
 * meanwhile (see `RetrievalsAhead`). Every port call is further cut to the port's capabilities.
 * A backend failure rejects the whole call with the stage named; nothing partial is returned.
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
  const batches = chunk(works, config.batchSize);
  const retrievals = new RetrievalsAhead(batches, backends, config, clock, signal);
  for (const [i, batch] of batches.entries()) {
    signal?.throwIfAborted();
    await retrievals.retrieved(i);
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

/** Batches whose retrieval may run while an earlier batch is scored and written. */
const RETRIEVE_AHEAD = 2;

/**
 * Stage 2 for the batches, ahead of the rest: while batch i is scored and written, batches
 * i+1 and i+2 are retrieved, so the retriever (worker threads, a remote index) and this thread
 * work at once, and a retriever slot that finishes early takes the next batch's first call.
 * One gate keeps all their calls within the port's maxParallelCalls, earliest batch first.
 * When an earlier batch fails, nobody awaits the later ones: their failures are marked handled,
 * and the run's error is the earlier batch's, as without the overlap.
 */
class RetrievalsAhead {
  private readonly started: Promise<void>[] = [];
  private readonly gate: CallGate | undefined;

  constructor(
    private readonly batches: readonly (readonly EntityWork[])[],
    private readonly backends: CascadeBackends,
    private readonly config: CascadeConfig,
    private readonly clock: Clock,
    private readonly signal?: AbortSignal,
  ) {
    const limit = backends.retriever?.capabilities.maxParallelCalls;
    this.gate = limit === undefined ? undefined : new CallGate(limit);
  }

  /** Batch `i`'s retrieval, once done; starts it and the next ones up to RETRIEVE_AHEAD. */
  retrieved(i: number): Promise<void> {
    const last = Math.min(i + RETRIEVE_AHEAD, this.batches.length - 1);
    for (let j = this.started.length; j <= last; j++) {
      const { gate } = this;
      const retrieval = runRetrievalStage(
        this.batches[j]!,
        this.backends.retriever,
        this.config,
        this.clock,
        this.signal,
        gate && ((call) => gate.run(j, call)),
      );
      retrieval.catch(() => undefined);
      this.started.push(retrieval);
    }
    return this.started[i]!;
  }
}

/** Stages 3–4 for a batch whose stages 1 and 2 are done. */
async function decideBatch(
  works: readonly EntityWork[],
  backends: CascadeBackends,
  config: CascadeConfig,
  clock: Clock,
  signal?: AbortSignal,
): Promise<void> {
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
