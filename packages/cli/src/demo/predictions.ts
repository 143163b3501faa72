import type { evaluate } from '@em/eval';
import type { EmbeddedEngine } from '../engine.js';

type Prediction = Parameters<typeof evaluate>[0]['predictions'][number];

/**
 * The gold table as predictions for @em/eval, one row per source record: the columns
 * evaluation reads, numbers cast to DOUBLE so the driver hands back plain numbers.
 */
export async function goldPredictions(engine: EmbeddedEngine): Promise<Prediction[]> {
  const rows = await engine.query<Prediction & { usage: string }>(
    `SELECT source_id, source_system, matched_ciq_id,
            CAST(match_confidence AS DOUBLE) AS match_confidence,
            match_method, match_stage,
            CAST(processing_time_ms AS DOUBLE) AS processing_time_ms,
            CAST(cost_usd AS DOUBLE) AS cost_usd,
            json_object('reference_lookups', reference_lookups, 'retrieval_queries', retrieval_queries,
              'pairs_scored', pairs_scored, 'llm_calls', llm_calls, 'llm_prompt_tokens', llm_prompt_tokens,
              'llm_completion_tokens', llm_completion_tokens, 'compute_ms', compute_ms)::VARCHAR AS usage
       FROM gold.matched_entities
      ORDER BY source_system, source_id`,
  );
  // The recorded usage as an object, for em-eval's Databricks projection.
  return rows.map((row) => ({ ...row, usage: JSON.parse(row.usage) }));
}
