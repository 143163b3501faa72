import type { Database } from '../db/database.js';
import { type DatabricksProjection, databricksProjectionOf } from './databricks-projection.js';

export interface DailyStatsRow {
  readonly match_date: string;
  readonly match_method: string;
  readonly match_stage: string | null;
  readonly match_count: number;
  readonly avg_confidence: number;
  readonly avg_latency_ms: number | null;
  readonly auto_matched_count: number;
  readonly review_count: number;
}

export interface CostAnalysisRow {
  readonly match_date: string;
  readonly total_entities: number;
  readonly exact_identifier_cost: number;
  readonly retrieval_cost: number;
  readonly pair_model_cost: number;
  readonly llm_cost: number;
  readonly other_cost: number;
  readonly total_cost: number;
  readonly cost_per_entity: number;
  readonly llm_calls: number;
  readonly llm_prompt_tokens: number;
  readonly llm_completion_tokens: number;
}

export interface StatsCounts {
  /** Rows read, loaded and quarantined by every successful ingest (re-ingests count again). */
  readonly read: number;
  readonly loaded: number;
  readonly quarantined: number;
  /** Gold rows with a matched ciq_id. */
  readonly matched: number;
  readonly in_review: number;
  /** Gold rows without a matched ciq_id. */
  readonly no_match: number;
  readonly total_gold: number;
  readonly reference_rows: number;
  readonly source_rows: number;
}

/** How many gold rows each model version decided (human decisions and exact matches included). */
export interface ModelVersionRow {
  readonly model_version: string | null;
  readonly rows: number;
}

export interface StatsReport {
  readonly dailyStats: DailyStatsRow[];
  readonly costAnalysis: CostAnalysisRow[];
  readonly counts: StatsCounts;
  readonly modelVersions: ModelVersionRow[];
  /** What the recorded usage would cost on Databricks: a projection, not money spent (cost_usd is). */
  readonly databricksProjection: DatabricksProjection;
}

export async function stats(db: Database): Promise<StatsReport> {
  const dailyStats = await db.all<DailyStatsRow>(
    `SELECT match_date::VARCHAR AS match_date, match_method, match_stage, match_count, avg_confidence, avg_latency_ms,
            auto_matched_count, review_count
     FROM gold.daily_stats ORDER BY match_date DESC, match_method, match_stage`,
    [],
    'stats',
  );
  const costAnalysis = await db.all<CostAnalysisRow>(
    `SELECT match_date::VARCHAR AS match_date, * EXCLUDE (match_date) FROM gold.cost_analysis ORDER BY match_date DESC`,
    [],
    'stats',
  );
  const counts = await db.one<StatsCounts>(
    `SELECT
       (SELECT coalesce(sum(rows_read), 0) FROM ops.runs WHERE kind = 'ingest' AND status = 'succeeded') AS read,
       (SELECT coalesce(sum(rows_loaded), 0) FROM ops.runs WHERE kind = 'ingest' AND status = 'succeeded') AS loaded,
       (SELECT count(*) FROM gold.quarantine) AS quarantined,
       count(matched_ciq_id) AS matched,
       count(*) FILTER (WHERE needs_review) AS in_review,
       count(*) FILTER (WHERE matched_ciq_id IS NULL) AS no_match,
       count(*) AS total_gold,
       (SELECT count(*) FROM bronze.reference_entities) AS reference_rows,
       (SELECT count(*) FROM bronze.source_entities) AS source_rows
     FROM gold.matched_entities`,
    [],
    'stats',
  );
  const modelVersions = await db.all<ModelVersionRow>(
    `SELECT model_version, count(*) AS rows FROM gold.matched_entities
     WHERE match_method <> 'human_review' GROUP BY model_version ORDER BY rows DESC, model_version`,
    [],
    'stats',
  );
  const databricksProjection = await databricksProjectionOf(db);
  return { dailyStats, costAnalysis, counts, modelVersions, databricksProjection };
}
