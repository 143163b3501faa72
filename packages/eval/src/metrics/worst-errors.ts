import type { PredictionCandidate } from '../schemas/prediction-row.js';
import type { EvaluatedRow } from './evaluated-row.js';

export type ErrorKind = 'wrong_match' | 'false_match' | 'missed_match' | 'missing_prediction';

export interface WorstError {
  source_id: string;
  source_system: string;
  company_name: string | null;
  kind: ErrorKind;
  predicted_ciq_id: string | null;
  predicted_company_name: string | null;
  true_ciq_id: string | null;
  /** Rank of the true company among the candidates; null when it was not retrieved. */
  true_rank: number | null;
  confidence: number | null;
  method: string;
  stage: string;
  reasoning: string | null;
  candidates: PredictionCandidate[];
}

function kindOf(row: EvaluatedRow): ErrorKind {
  if (row.prediction === null) return 'missing_prediction';
  if (row.predicted === null) return 'missed_match';
  return row.truth === null ? 'false_match' : 'wrong_match';
}

/** The wrong rows, most confident first (a confident error costs most: it is never reviewed). */
export function worstErrors(rows: readonly EvaluatedRow[], limit = 20, maxCandidates = 5): WorstError[] {
  return rows
    .filter((r) => r.predicted !== r.truth)
    .sort(
      (a, b) =>
        (b.confidence ?? -1) - (a.confidence ?? -1) ||
        a.source_system.localeCompare(b.source_system) ||
        a.source_id.localeCompare(b.source_id),
    )
    .slice(0, limit)
    .map((row) => {
      const candidates = row.prediction?.candidates ?? [];
      const predictedCandidate = candidates.find((c) => c.ciq_id === row.predicted);
      return {
        source_id: row.source_id,
        source_system: row.source_system,
        company_name: row.prediction?.company_name ?? null,
        kind: kindOf(row),
        predicted_ciq_id: row.predicted,
        predicted_company_name:
          row.prediction?.matched_company_name ?? predictedCandidate?.company_name ?? null,
        true_ciq_id: row.truth,
        true_rank: candidates.find((c) => c.ciq_id === row.truth)?.rank ?? null,
        confidence: row.confidence,
        method: row.method,
        stage: row.stage,
        reasoning: row.prediction?.reasoning ?? null,
        candidates: [...candidates].sort((a, b) => a.rank - b.rank).slice(0, maxCandidates),
      };
    });
}
