import { MATCH_STAGES } from '@em/core';
import type { PredictionRow, TruthRow } from '../src/index.js';

/** A deterministic pseudo-random run with every stage, error kind, cost and latency (for rendering and speed). */
export function syntheticRun(n: number, seed: number): { predictions: PredictionRow[]; truth: TruthRow[] } {
  let state = seed >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const truth: TruthRow[] = [];
  const predictions: PredictionRow[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = String(i).padStart(5, '0');
    const trueId = rand() < 0.15 ? null : `IQ${i}`;
    truth.push({ source_id: id, source_system: 'crm', true_ciq_id: trueId, hard: rand() < 0.2 ? '1' : '0' });
    const r = rand();
    const stage = r < 0.5 ? 'exact_identifier' : r < 0.9 ? 'pair_model' : 'llm';
    const correct = rand() < (stage === 'exact_identifier' ? 0.995 : stage === 'pair_model' ? 0.93 : 0.8);
    const confidence =
      stage === 'exact_identifier' ? 1 : correct ? 0.6 + 0.4 * rand() ** 0.3 : 0.3 + 0.65 * rand();
    const predicted = correct ? trueId : rand() < 0.5 ? null : `IQ${i + 1}`;
    const candidates = [predicted ?? `IQ${i + 2}`, trueId ?? `IQ${i + 3}`, `IQ${i + 4}`].map((ciq, rank) => ({
      ciq_id: ciq,
      company_name: `Company ${ciq}`,
      rank: rank + 1,
      retrieval_score: 0.9 - rank * 0.1,
      pair_score: Math.max(0, confidence - rank * 0.2),
      identifier_hits: [],
    }));
    if (rand() < 0.01) continue; // a few sources without a prediction
    predictions.push({
      source_id: id,
      source_system: 'crm',
      company_name: `Source ${id}`,
      matched_ciq_id: predicted,
      match_confidence: Math.min(1, confidence),
      match_method: stage,
      match_stage: MATCH_STAGES[stage],
      reasoning:
        stage === 'exact_identifier' ? 'ISIN hit' : `best candidate ${confidence.toFixed(2)} over runner-up`,
      processing_time_ms:
        stage === 'exact_identifier'
          ? 2 + 3 * rand()
          : stage === 'pair_model'
            ? 10 + 30 * rand()
            : 400 + 900 * rand(),
      cost_usd: stage === 'exact_identifier' ? 0 : stage === 'pair_model' ? 0.0011 : 0.0011 + 0.0004,
      candidates: stage === 'exact_identifier' ? [] : candidates,
    });
  }
  return { predictions, truth };
}
