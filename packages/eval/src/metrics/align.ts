import { InputError, sourceKey } from '@em/core';
import type { PredictionRow } from '../schemas/prediction-row.js';
import type { TruthRow } from '../schemas/truth-row.js';
import { type EvaluatedRow, MISSING } from './evaluated-row.js';
import { stageOf } from './stage-of.js';

export interface SourceKey {
  source_system: string;
  source_id: string;
}

export interface Aligned {
  rows: EvaluatedRow[];
  /** Gold-standard keys without a prediction: evaluated as "none", never dropped. */
  missing: SourceKey[];
  /** Predictions whose key is not in the gold standard: left out of the metrics. */
  extra: SourceKey[];
}

const keyOf = (r: SourceKey): SourceKey => ({ source_system: r.source_system, source_id: r.source_id });

function indexUnique<T extends SourceKey>(rows: readonly T[], what: string): Map<string, T> {
  const byKey = new Map<string, T>();
  const duplicates: string[] = [];
  for (const row of rows) {
    const key = sourceKey(row);
    if (byKey.has(key)) duplicates.push(`${row.source_system}/${row.source_id}`);
    else byKey.set(key, row);
  }
  if (duplicates.length > 0) {
    throw new InputError(
      `${what}: ${duplicates.length} duplicate key${duplicates.length === 1 ? '' : 's'} (source_system/source_id: ${duplicates.slice(0, 5).join(', ')}${duplicates.length > 5 ? ', …' : ''}); keep one row per source.`,
    );
  }
  return byKey;
}

/** Join predictions to the gold standard on (source_system, source_id). */
export function align(
  predictions: readonly PredictionRow[],
  truth: readonly TruthRow[],
  memberships: readonly Record<string, boolean>[],
): Aligned {
  const byKey = indexUnique(predictions, 'predictions');
  const truthKeys = indexUnique(truth, 'gold standard');
  const rows: EvaluatedRow[] = [];
  const missing: SourceKey[] = [];
  truth.forEach((t, index) => {
    const p = byKey.get(sourceKey(t)) ?? null;
    if (p === null) missing.push(keyOf(t));
    rows.push({
      source_id: t.source_id,
      source_system: t.source_system,
      truth: t.true_ciq_id,
      prediction: p,
      predicted: p?.matched_ciq_id ?? null,
      confidence: p?.match_confidence ?? null,
      method: p?.match_method ?? MISSING,
      stage: p ? stageOf(p.match_stage, p.match_method) : MISSING,
      subsets: memberships[index] ?? {},
    });
  });
  const extra = predictions.filter((p) => !truthKeys.has(sourceKey(p))).map(keyOf);
  return { rows, missing, extra };
}
