import type { evaluate } from '@em/eval';
import type { EmbeddedEngine } from '../engine.js';

type Prediction = Parameters<typeof evaluate>[0]['predictions'][number];

/**
 * The gold table as predictions for @em/eval, one row per source record: the columns
 * evaluation reads, numbers cast to DOUBLE so the driver hands back plain numbers.
 */
export function goldPredictions(engine: EmbeddedEngine): Promise<Prediction[]> {
  return engine.query<Prediction>(
    `SELECT source_id, source_system, matched_ciq_id,
            CAST(match_confidence AS DOUBLE) AS match_confidence,
            match_method, match_stage,
            CAST(processing_time_ms AS DOUBLE) AS processing_time_ms,
            CAST(cost_usd AS DOUBLE) AS cost_usd
       FROM gold.matched_entities
      ORDER BY source_system, source_id`,
  );
}
