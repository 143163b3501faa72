import { MATCH_STAGES } from '@em/core';
import { stageOfMethod } from '@em/core/cascade';
import { MISSING } from './evaluated-row.js';

/** The stage that decided a row: its match_stage, else the stage its method belongs to (names before schema version 2 too). */
export function stageOf(stage: string | null | undefined, method: string): string {
  if (stage !== null && stage !== undefined) return stage;
  const id = stageOfMethod(method);
  return id ? MATCH_STAGES[id] : 'Unknown stage';
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
