import { type EvaluatedRow, isAuto, isCorrect } from './evaluated-row.js';
import { compareStages } from './stage-of.js';

export interface FunnelStep {
  stage: string;
  /** Rows not decided by an earlier stage. */
  entering: number;
  /** Rows this stage decided (its match_stage). */
  decided: number;
  /** Of those, confidence ≥ the threshold. */
  auto: number;
  /** Of those, confidence below the threshold: sent to review. */
  review: number;
  /** Of those, the prediction equals the truth. */
  correct: number;
}

/** How rows flow through the cascade: per stage in cascade order, how many arrive and how many it settles. */
export function stageFunnel(rows: readonly EvaluatedRow[], threshold: number): FunnelStep[] {
  const byStage = new Map<string, EvaluatedRow[]>();
  for (const row of rows) {
    const list = byStage.get(row.stage) ?? [];
    list.push(row);
    byStage.set(row.stage, list);
  }
  let entering = rows.length;
  return [...byStage.keys()].sort(compareStages).map((stage) => {
    const decidedRows = byStage.get(stage)!;
    const auto = decidedRows.filter((r) => isAuto(r, threshold)).length;
    const step: FunnelStep = {
      stage,
      entering,
      decided: decidedRows.length,
      auto,
      review: decidedRows.length - auto,
      correct: decidedRows.filter(isCorrect).length,
    };
    entering -= decidedRows.length;
    return step;
  });
}
