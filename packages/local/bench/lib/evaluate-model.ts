import { parseCascadeConfig, runCascade, type SourceEntity, sourceKey } from '@em/core';
import { createInMemoryBackends } from '@em/core/testing';
import {
  ChannelRetriever,
  estimateAutoPrecision,
  fitPairModel,
  type GbdtOptions,
  GbdtPairScorer,
  type GoldLabel,
  IndexRetriever,
  NameIndex,
  ReferenceIdentifiers,
} from '../../src/index.js';
import type { CompaniesData } from './companies-data.js';
import { errorBreakdown } from './error-breakdown.js';
import { metrics, type Row } from './match-metrics.js';

export interface TrustRow {
  readonly mode: string;
  readonly f1: number;
  readonly hardF1: number;
  readonly autoPrecision: number;
  /** Share of the matchable evaluation rows auto-matched (confidence ≥ 0.90). */
  readonly autoRate: number;
  /** The model's own estimate of its auto-matched precision, when it makes one. */
  readonly estimated: { readonly precision: number; readonly halfWidth: number } | null;
  readonly trainSeconds: number;
  readonly perSecond: number;
  readonly log: string[];
  /** The cascade's results on the evaluation sources, in order. */
  readonly results?: readonly import('@em/core').MatchResult[];
  readonly extraResults?: readonly import('@em/core').MatchResult[] | undefined;
}

export interface EvaluateOptions {
  readonly mode: string;
  /** Gold labels to train on; null trains the way `em train` does without labels. */
  readonly labels: readonly GoldLabel[] | null;
  readonly seed: number;
  /** Labels answered through `em label`, trained on like review decisions (on top of self-supervision). */
  readonly answers?: readonly GoldLabel[];
  /** GBDT options over the defaults (tuning; `--gbdt JSON` in the benches). */
  readonly gbdt?: Partial<GbdtOptions>;
  /** Self-supervised: read at most this many sources (`em train --max-sources`). */
  readonly maxSources?: number;
  /** More sources to run the trained model on (not measured): their results come back in `extraResults`. */
  readonly extra?: readonly SourceEntity[];
}

/** Train as `em train` would, run the cascade on `evaluation`, measure against the gold rows. */
export async function evaluateModel(
  data: CompaniesData,
  evaluation: readonly SourceEntity[],
  options: EvaluateOptions,
): Promise<TrustRow> {
  const log: string[] = [];
  const index = NameIndex.build(data.reference);
  const retriever = new ChannelRetriever(new IndexRetriever(index, data.reference), data.reference);
  const identifiers = new ReferenceIdentifiers(data.reference);
  let t = performance.now();
  const cpu0 = process.cpuUsage();
  const ctx = { reference: data.reference, retriever, identifiers };
  // What `em train` does (train-local-model.ts), in memory.
  const { built, trained } = fitPairModel(ctx, options.labels, data.sources, {
    seed: options.seed,
    heldOutFraction: 0.2,
    ...(options.maxSources !== undefined ? { maxSources: options.maxSources } : {}),
    ...(options.answers ? { review: options.answers } : {}),
    ...(options.gbdt ? { gbdt: options.gbdt } : {}),
  });
  log.push(
    `[${options.mode}] pairs: ${built.source}, ${built.pairs.length} pairs${built.selfSupervised ? ` ${JSON.stringify(built.selfSupervised)}` : ''}${built.selfTraining ? ` self-training ${JSON.stringify(built.selfTraining)}` : ''}`,
  );
  log.push(`[${options.mode}] trust: ${JSON.stringify(trained.trust)}`);
  const trainSeconds = (performance.now() - t) / 1000;
  const trainCpu = process.cpuUsage(cpu0);
  log.push(
    `[${options.mode}] train: ${built.source}, ${built.sources} sources, ${built.pairs.length} pairs in ${trainSeconds.toFixed(1)} s (CPU ${((trainCpu.user + trainCpu.system) / 1e6).toFixed(1)} s)`,
  );
  const scorer = new GbdtPairScorer(trained.artifact, trained.modelVersion);
  const { lookup } = createInMemoryBackends(data.reference, { retriever: false });
  t = performance.now();
  const results = await runCascade(evaluation, { lookup, retriever, scorer }, parseCascadeConfig({}));
  const perSecond = (evaluation.length / (performance.now() - t)) * 1000;
  const rows: Row[] = [];
  const hard: Row[] = [];
  results.forEach((res, i) => {
    const g = data.gold.get(sourceKey(evaluation[i]!))!;
    const row = { predicted: res.matched_ciq_id, truth: g.trueCiqId, confidence: res.match_confidence };
    rows.push(row);
    if (g.hard) hard.push(row);
  });
  const estimate = estimateAutoPrecision(
    results.map((r) => ({
      method: r.match_method,
      confidence: r.match_confidence,
      matched: r.matched_ciq_id !== null,
    })),
    trained.trust,
    0.9,
  );
  const truths = evaluation.map((s) => data.gold.get(sourceKey(s))!.trueCiqId);
  const hardOnly = <T>(xs: readonly T[]) =>
    xs.filter((_, i) => data.gold.get(sourceKey(evaluation[i]!))!.hard);
  log.push(
    `[${options.mode}] errors ${JSON.stringify(errorBreakdown(results, truths))}; hard rows ${JSON.stringify(errorBreakdown(hardOnly(results), hardOnly(truths)))}`,
  );
  const all = metrics(rows, 'all');
  const auto = metrics(rows, 'auto');
  log.push(
    `[${options.mode}] all F1 ${all.f1.toFixed(4)} (P ${all.precision.toFixed(4)} R ${all.recall.toFixed(4)}); hard F1 ${metrics(hard, 'all').f1.toFixed(4)}; auto P ${auto.precision.toFixed(4)} rate ${auto.autoRateTrueMatch.toFixed(4)}`,
  );
  return {
    mode: options.mode,
    f1: all.f1,
    hardF1: metrics(hard, 'all').f1,
    autoPrecision: auto.precision,
    autoRate: auto.autoRateTrueMatch,
    estimated: estimate && { precision: estimate.estimate, halfWidth: estimate.halfWidth },
    trainSeconds,
    perSecond,
    log,
    results,
    extraResults: options.extra
      ? await runCascade(options.extra, { lookup, retriever, scorer }, parseCascadeConfig({}))
      : undefined,
  };
}
