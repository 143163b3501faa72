import { Prices, Usage } from '@em/core';
import { databricksProjection } from '@em/core/cascade';
import type { Database } from '../db/database.js';

/**
 * What the work recorded in gold would cost on Databricks: the summed usage columns at the
 * prices of the latest matching run's config (the defaults when none recorded them). A
 * projection, never money spent: cost_usd holds what was spent.
 */
export interface DatabricksProjection {
  readonly entities: number;
  readonly usage: Usage;
  readonly total_usd: number;
  readonly per_entity_usd: number;
  /** Where the prices came from: a run id, or "defaults". */
  readonly prices_from: string;
}

const USAGE_SUMS = Object.keys(Usage.shape)
  .map((k) => `coalesce(sum(${k}), 0)::DOUBLE AS ${k}`)
  .join(', ');

export async function databricksProjectionOf(db: Database): Promise<DatabricksProjection> {
  const sums = await db.one<Record<string, number>>(
    `SELECT count(*)::DOUBLE AS entities, ${USAGE_SUMS} FROM gold.matched_entities`,
    [],
    'stats',
  );
  const [latest] = await db.all<{ run_id: string; prices: string | null }>(
    `SELECT run_id, json_extract(config, '$.prices')::VARCHAR AS prices FROM ops.runs
     WHERE kind = 'match' AND config IS NOT NULL ORDER BY started_at DESC LIMIT 1`,
    [],
    'stats',
  );
  const recorded = latest?.prices ? Prices.safeParse(JSON.parse(latest.prices)) : null;
  const prices = recorded?.success ? recorded.data : Prices.parse({});
  const usage = Usage.parse(sums);
  const total = databricksProjection(usage, prices);
  const entities = Number(sums.entities);
  return {
    entities,
    usage,
    total_usd: total,
    per_entity_usd: entities > 0 ? total / entities : 0,
    prices_from: recorded?.success ? latest!.run_id : 'defaults',
  };
}
