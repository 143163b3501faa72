import { type CascadeBackends, parseCascadeConfig, type RunReport, runMatchingJob } from '@em/core';
import type { EngineRunOptions } from '@em/core/engine';
import type { Database } from '../db/database.js';
import { type DecidedForEstimate, estimateAutoPrecision } from '../model/auto-precision.js';
import { GbdtPairScorer } from '../model/gbdt-pair-scorer.js';
import { pairModelBeside } from '../model/local-backends.js';
import { DuckDbReferenceLookup } from '../ports/duckdb-reference-lookup.js';
import { defaultBackends } from './default-backends.js';
import { DuckDbRunStore } from './duckdb-run-store.js';
import { ensurePairModel } from './ensure-pair-model.js';
import { describeStages } from './run-stages.js';

export const ENGINE_VERSION = 'em-local@0.1.0';

export interface RunOptions extends EngineRunOptions {
  /** Stages 2–4; when absent, the index and model beside the database and the configured LLM (see defaultBackends). */
  readonly backends?: Partial<Pick<CascadeBackends, 'retriever' | 'scorer' | 'adjudicator'>>;
  /** With no pair model beside the database, train one without labels first (default true). */
  readonly autoTrain?: boolean;
}

/**
 * One matching run on the embedded engine: core's runMatchingJob over the DuckDB run store,
 * with what only this engine knows added to the report — the model it trained first when there
 * was none (no labels: self-supervised), which stages ran with what, and the estimated precision
 * of the auto-matches from the model's held-out trust evidence.
 */
export async function runMatching(db: Database, options: RunOptions = {}): Promise<RunReport> {
  const parsed = parseCascadeConfig(options.config ?? {});
  // No pair model: train one without labels first rather than skip stage 3 (issue #10).
  const trainedModel =
    options.backends || options.autoTrain === false ? null : await ensurePairModel(db, parsed);
  const loadStart = performance.now();
  const store = new DuckDbRunStore(db);
  const pairModel = options.backends ? null : pairModelBeside(db.path);
  const idle =
    !options.backends &&
    !(await hasWork(store, options.full ?? false, pairModel?.scorer.modelVersion ?? null));
  const { backends, config, close } = options.backends
    ? { backends: options.backends, config: parsed, close: async () => {} }
    : idle
      ? { backends: pairModel ? { scorer: pairModel.scorer } : {}, config: parsed, close: async () => {} }
      : await defaultBackends(db, parsed, options.llmApiKey ?? null, pairModel);
  const loadMs = performance.now() - loadStart;
  const autoMatches: DecidedForEstimate[] = [];
  try {
    const report = await runMatchingJob(
      store,
      { lookup: new DuckDbReferenceLookup(db), ...backends },
      config,
      {
        full: options.full ?? false,
        engineVersion: ENGINE_VERSION,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.onBatchCommitted ? { onBatchCommitted: options.onBatchCommitted } : {}),
        onResults: (results) => {
          for (const r of results)
            if (r.matched_ciq_id !== null && r.match_confidence >= config.autoMatchThreshold)
              autoMatches.push({ method: r.match_method, confidence: r.match_confidence, matched: true });
        },
      },
    );
    const trust = backends.scorer instanceof GbdtPairScorer ? backends.scorer.artifact.trust : undefined;
    return {
      ...report,
      loadMs,
      stages: describeStages(
        backends,
        config,
        trainedModel && 'failed' in trainedModel ? trainedModel.failed : null,
        idle,
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
  } finally {
    await close();
  }
}

/**
 * Whether a run has sources to decide: --full, a --full pass to finish, or sources new, changed
 * or decided by another model. Asked before the reference is read, because reading it, opening
 * the index and starting retrieval workers take seconds at a million reference rows, and a
 * scheduled run with nothing new should not pay for them.
 */
async function hasWork(store: DuckDbRunStore, full: boolean, modelVersion: string | null): Promise<boolean> {
  if (full || (await store.findUnfinishedFullRun()) !== null) return true;
  return store.anyPending({ full: false, modelVersion, fullSince: null });
}
