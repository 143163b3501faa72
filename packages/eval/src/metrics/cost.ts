import { Prices, Usage } from '@em/core';
import { databricksProjection } from '@em/core/cascade';
import type { EvaluatedRow } from './evaluated-row.js';
import { compareStages } from './stage-of.js';

export interface CostSummary {
  /** Rows with a recorded cost_usd. */
  n: number;
  total_usd: number;
  /** total_usd / n: mean recorded cost of one entity. */
  per_entity_usd: number;
}

export interface Cost extends CostSummary {
  /** Per deciding stage, in cascade order. */
  by_stage: Record<string, CostSummary>;
  /** Sums of the recorded usage fields (llm_calls, pairs_scored, …) over all rows that recorded them. */
  usage: Record<string, number>;
  /**
   * What the recorded usage would cost on Databricks at the default prices (@em/core's Prices):
   * a projection, not money spent; null when no row recorded usage.
   */
  databricks_projection: { n: number; total_usd: number; per_entity_usd: number } | null;
}

/** The Databricks projection of the rows that recorded usage. */
function projectionOf(rows: readonly EvaluatedRow[]): Cost['databricks_projection'] {
  const withUsage = rows.filter((r) => r.prediction?.usage);
  if (withUsage.length === 0) return null;
  const prices = Prices.parse({});
  const total = withUsage.reduce(
    (sum, r) => sum + databricksProjection(Usage.parse(stripNulls(r.prediction!.usage!)), prices),
    0,
  );
  return { n: withUsage.length, total_usd: total, per_entity_usd: total / withUsage.length };
}

const stripNulls = (usage: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(usage).filter(([, v]) => typeof v === 'number'));

function summarize(costs: readonly number[]): CostSummary {
  const total = costs.reduce((a, b) => a + b, 0);
  return { n: costs.length, total_usd: total, per_entity_usd: costs.length === 0 ? 0 : total / costs.length };
}

/** Cost per entity from the recorded cost_usd; null when no row recorded a cost. */
export function costOf(rows: readonly EvaluatedRow[]): Cost | null {
  const withCost = rows.filter((r) => typeof r.prediction?.cost_usd === 'number');
  if (withCost.length === 0) return null;
  const byStage = new Map<string, number[]>();
  for (const row of withCost) {
    const list = byStage.get(row.stage) ?? [];
    list.push(row.prediction!.cost_usd!);
    byStage.set(row.stage, list);
  }
  const usage: Record<string, number> = {};
  for (const row of rows) {
    for (const [field, value] of Object.entries(row.prediction?.usage ?? {})) {
      if (typeof value === 'number') usage[field] = (usage[field] ?? 0) + value;
    }
  }
  return {
    ...summarize(withCost.map((r) => r.prediction!.cost_usd!)),
    by_stage: Object.fromEntries(
      [...byStage.keys()].sort(compareStages).map((stage) => [stage, summarize(byStage.get(stage)!)]),
    ),
    usage,
    databricks_projection: projectionOf(rows),
  };
}
