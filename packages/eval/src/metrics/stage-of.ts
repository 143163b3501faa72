import { MATCH_STAGES } from '@em/core';
import { MISSING } from './evaluated-row.js';

const STAGE_OF_METHOD: Record<string, string> = {
  exact_match: MATCH_STAGES.exact,
  vector_search: MATCH_STAGES.retrieval,
  ditto_matcher: MATCH_STAGES.pairModel,
  foundation_model: MATCH_STAGES.llm,
  human_review: MATCH_STAGES.human,
};

/** The stage that decided a row: its match_stage, else the stage its method belongs to. */
export function stageOf(stage: string | null | undefined, method: string): string {
  return stage ?? STAGE_OF_METHOD[method] ?? 'Unknown stage';
}

/** By name, rows without a prediction last. */
export function compareGroups(a: string, b: string): number {
  if ((a === MISSING) !== (b === MISSING)) return a === MISSING ? 1 : -1;
  return a.localeCompare(b);
}

/** Cascade order first, then any other stage by name, rows without a prediction last. */
export function compareStages(a: string, b: string): number {
  if ((a === MISSING) !== (b === MISSING)) return a === MISSING ? 1 : -1;
  const order = Object.values(MATCH_STAGES) as string[];
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  if (ia !== ib) return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
  return a.localeCompare(b);
}
