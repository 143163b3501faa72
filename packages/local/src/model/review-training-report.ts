import { type CascadeConfig, type ReferenceEntity, runCascade, sourceKey } from '@em/core';
import { decidePair } from '@em/core/cascade';
import type { ReferenceRows } from '../reference/reference-rows.js';
import { IndexRetriever } from '../retrieval/index-retriever.js';
import { indexPathFor, openIndex } from '../retrieval/open-index.js';
import { calibrate } from './calibration.js';
import { gbdtMargin } from './gbdt-model.js';
import { GbdtPairScorer } from './gbdt-pair-scorer.js';
import { decisionList, type LabelledPair } from './labelled-pair.js';
import { MemoryReferenceLookup } from './memory-reference-lookup.js';
import type { PairModelArtifact } from './pair-model-artifact.js';
import { comparison, type DecidedRow, type ModelComparison, scoreRows } from './review-training-metrics.js';
import type { GoldLabel } from './training-pairs.js';

export interface ComparedModel {
  readonly artifact: PairModelArtifact;
  readonly modelVersion: string;
}

/** A scorer for the previous model, or why it cannot be compared. */
function previousScorer(previous: ComparedModel | null): {
  scorer: GbdtPairScorer | null;
  missing: string | null;
} {
  if (previous === null) return { scorer: null, missing: 'no previous model' };
  try {
    return { scorer: new GbdtPairScorer(previous.artifact, previous.modelVersion), missing: null };
  } catch (error) {
    return { scorer: null, missing: (error as Error).message };
  }
}

/** A stand-in reference row: held-out pairs carry features, not entities. */
const NO_ENTITY: ReferenceEntity = {
  ciq_id: '',
  company_name: '',
  ticker: null,
  lei: null,
  cusip: null,
  isin: null,
  country: null,
  industry: null,
  sector: null,
  market_cap: null,
};

/**
 * Old and new model on the new training's held-out pairs, each source decided by stage 3's
 * rule (core's `decidePair`: a match at ≥ pairAcceptThreshold with the margin, a tentative
 * match for review from 0.5, else no match at 1 − p1). Stage 1 and the LLM are not involved:
 * this is the pair model alone.
 */
export function compareOnHeldOut(
  heldOut: readonly LabelledPair[],
  previous: ComparedModel | null,
  current: ComparedModel,
  config: CascadeConfig,
): ModelComparison {
  const groups = new Map<string, LabelledPair[]>();
  for (const p of heldOut) {
    const group = groups.get(decisionList(p));
    if (group) group.push(p);
    else groups.set(decisionList(p), [p]);
  }
  const decide = (scorer: GbdtPairScorer) => {
    const { gbdt, calibration } = scorer.artifact;
    const rows: DecidedRow[] = [];
    for (const pairs of groups.values()) {
      const ranked = pairs
        .map((p, i) => ({
          entity: { ...NO_ENTITY, ciq_id: String(i) },
          score: 0,
          rank: i,
          pairScore: calibrate(calibration, gbdtMargin(gbdt, p.features)),
          identifierHits: [],
        }))
        .sort((a, b) => b.pairScore - a.pairScore || a.rank - b.rank);
      const { decision } = decidePair(ranked, config, scorer.modelVersion);
      const truth = pairs.findIndex((p) => p.label === 1);
      rows.push({
        predicted: decision.matched?.ciq_id ?? null,
        truth: truth < 0 ? null : String(truth),
        confidence: decision.confidence,
      });
    }
    return scoreRows(scorer.modelVersion, rows, config.autoMatchThreshold);
  };
  const old = previousScorer(previous);
  const now = new GbdtPairScorer(current.artifact, current.modelVersion);
  return comparison('held-out', old.scorer ? decide(old.scorer) : null, old.missing, decide(now));
}

export interface LabelEvaluationContext {
  readonly reference: readonly ReferenceEntity[] | ReferenceRows;
  readonly retriever: IndexRetriever;
}

/**
 * Old and new model on a fixed gold standard, each through the whole cascade in memory (stage 1
 * on the reference's validated identifiers, the index retriever, the model; no LLM), the way
 * `em run` decides, scored as em-eval scores the gold table.
 */
export async function compareOnLabels(
  ctx: LabelEvaluationContext,
  labels: readonly GoldLabel[],
  previous: ComparedModel | null,
  current: ComparedModel,
  config: CascadeConfig,
): Promise<ModelComparison> {
  const lookup = new MemoryReferenceLookup(ctx.reference);
  const sources = labels.map((l) => l.source);
  const truth = new Map(labels.map((l) => [sourceKey(l.source), l.trueCiqId]));
  const run = async (scorer: GbdtPairScorer) => {
    const results = await runCascade(
      sources,
      { lookup, retriever: ctx.retriever, scorer },
      {
        ...config,
        llm: { ...config.llm, enabled: false },
      },
    );
    const rows = results.map((r) => ({
      predicted: r.matched_ciq_id,
      truth: truth.get(sourceKey(r)) ?? null,
      confidence: r.match_confidence,
    }));
    return scoreRows(scorer.modelVersion, rows, config.autoMatchThreshold);
  };
  const old = previousScorer(previous);
  const before = old.scorer ? await run(old.scorer) : null;
  const after = await run(new GbdtPairScorer(current.artifact, current.modelVersion));
  return comparison('eval-labels', before, old.missing, after);
}

/**
 * `compareOnLabels` for a database whose index is current (as `trainLocalModel` leaves it):
 * opens the index beside it and runs both models on the gold standard.
 */
export async function compareOnLabelsForDb(
  dbPath: string,
  reference: readonly ReferenceEntity[] | ReferenceRows,
  labels: readonly GoldLabel[],
  previous: ComparedModel | null,
  current: ComparedModel,
  config: CascadeConfig,
): Promise<ModelComparison> {
  const opened = openIndex(indexPathFor(dbPath), reference);
  const retriever = new IndexRetriever(opened.index, reference);
  return compareOnLabels({ reference, retriever }, labels, previous, current, config);
}
