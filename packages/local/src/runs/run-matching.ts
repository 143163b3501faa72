import {
  type CascadeBackends,
  type CascadeConfigInput,
  parseCascadeConfig,
  type RunReport,
  RunTally,
  runCascade,
  sourceKey,
} from '@em/core';
import type { Database } from '../db/database.js';
import { type DecidedForEstimate, estimateAutoPrecision } from '../model/auto-precision.js';
import { GbdtPairScorer } from '../model/gbdt-pair-scorer.js';
import { DuckDbMatchSink } from '../ports/duckdb-match-sink.js';
import { DuckDbReferenceLookup } from '../ports/duckdb-reference-lookup.js';
import { defaultBackends } from './default-backends.js';
import { ensurePairModel } from './ensure-pair-model.js';
import { llmRunReport } from './llm-run-report.js';
import { readPending, selectPending } from './pending-sources.js';
import { runLog } from './run-log.js';
import { describeStages } from './run-stages.js';
import { findUnfinishedFullRun } from './unfinished-full-run.js';

export const ENGINE_VERSION = 'em-local@0.1.0';

export interface RunOptions {
  /** Decide every source again, not only new or changed ones (human decisions stay). */
  readonly full?: boolean;
  readonly config?: CascadeConfigInput;
  /** Stages 2–4; when absent, the index and model beside the database and the configured LLM (see defaultBackends). */
  readonly backends?: Partial<Pick<CascadeBackends, 'retriever' | 'scorer' | 'adjudicator'>>;
  readonly onProgress?: (done: number, total: number) => void;
  /** With no pair model beside the database, train one without labels first (default true). */
  readonly autoTrain?: boolean;
  /** Called after each batch is committed to gold, with the rows it held (crash tests wait on it). */
  readonly onBatchCommitted?: (rows: number) => void;
}

/** Sources read into memory at a time; the cascade cuts each page into `config.batchSize` batches. */
const PAGE = 10_000;

/**
 * One matching run: mark runs a crash left 'running' as failed, pick the sources to decide,
 * run the cascade page by page; each cascade batch is MERGEd into gold together with the run
 * log's progress in one transaction, so a killed run loses nothing and a rerun redoes only
 * what was not committed.
 */
export async function runMatching(db: Database, options: RunOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const parsed = parseCascadeConfig(options.config ?? {});
  // No pair model: train one without labels first rather than skip stage 3 (issue #10).
  const trainedModel =
    options.backends || options.autoTrain === false ? null : await ensurePairModel(db, parsed);
  const { backends, config, close } = options.backends
    ? { backends: options.backends, config: parsed, close: async () => {} }
    : await defaultBackends(db, parsed);
  const { watermark } = await db.one<{ watermark: string | null }>(
    'SELECT max(ingestion_timestamp) AS watermark FROM bronze.source_entities',
  );
  // A --full pass that was killed or failed is finished by the next run, whatever its flags.
  const resumed = options.full ? null : await findUnfinishedFullRun(db);
  const full = {
    full: options.full === true || resumed !== null,
    ...(resumed ? { fullSince: resumed.since } : {}),
  };
  const runId = await runLog.start(db, 'match', { ...full, ...config }, watermark);
  const abandoned = await runLog.failAbandoned(db, runId);
  const tally = new RunTally();
  try {
    const { pending, total } = await selectPending(
      db,
      options.full ?? false,
      backends.scorer?.modelVersion ?? null,
      resumed?.since ?? null,
    );
    const autoMatches: DecidedForEstimate[] = [];
    options.onProgress?.(0, pending);
    const lookup = new DuckDbReferenceLookup(db);
    for (let from = 1; from <= pending; from += PAGE) {
      const sources = await readPending(db, from, from + PAGE);
      const sink = new DuckDbMatchSink(db, {
        runId,
        autoMatchThreshold: config.autoMatchThreshold,
        contentHashes: new Map(sources.map((s) => [sourceKey(s), s.content_hash])),
        ...(options.onBatchCommitted ? { onCommitted: options.onBatchCommitted } : {}),
      });
      const done = from - 1;
      const results = await runCascade(
        sources.map(({ content_hash: _, ...source }) => source),
        { lookup, sink, ...backends },
        config,
        { engineVersion: ENGINE_VERSION, onProgress: (n) => options.onProgress?.(done + n, pending) },
      );
      tally.add(results);
      for (const r of results) {
        if (r.matched_ciq_id !== null && r.match_confidence >= config.autoMatchThreshold)
          autoMatches.push({ method: r.match_method, confidence: r.match_confidence, matched: true });
      }
    }
    await runLog.finish(db, runId, 'succeeded', { rowsRead: pending, rowsProcessed: tally.processed }, null);
    const trust = backends.scorer instanceof GbdtPairScorer ? backends.scorer.artifact.trust : undefined;
    const llm = llmRunReport(backends.adjudicator);
    return {
      ...tally.report(runId, total - pending, performance.now() - started, abandoned),
      ...(llm ? { llm } : {}),
      ...(resumed
        ? { resumedFullRun: { runId: resumed.runId, startedAt: resumed.startedAt, done: resumed.done } }
        : {}),
      stages: describeStages(
        backends,
        config,
        trainedModel && 'failed' in trainedModel ? trainedModel.failed : null,
      ),
      trainedModel:
        trainedModel === null || 'failed' in trainedModel
          ? null
          : {
              modelVersion: trainedModel.modelVersion,
              source: trainedModel.source,
              seconds: trainedModel.seconds,
            },
      estimatedAutoPrecision: estimateAutoPrecision(autoMatches, trust, config.autoMatchThreshold),
    };
  } catch (error) {
    await runLog.finish(db, runId, 'failed', {}, (error as Error).message).catch(() => undefined);
    throw error;
  } finally {
    await close();
  }
}
