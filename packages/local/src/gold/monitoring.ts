import type { AlertMetrics } from '@em/core/alerts';

/**
 * Monitoring figures for the dashboard and alerts, in SQL that DuckDB and Databricks SQL both
 * run (percentile_cont … WITHIN GROUP, FILTER, CAST AS STRING), so the console's Databricks
 * store passes its own query function and catalog-qualified schemas.
 */
export type MonitoringQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export interface MonitoringSchemas {
  /** e.g. 'gold' locally, 'main_catalog.gold' on Databricks. */
  readonly gold: string;
  readonly ops: string;
}

export const LOCAL_SCHEMAS: MonitoringSchemas = { gold: 'gold', ops: 'ops' };

export interface DailyMonitoring {
  readonly day: string;
  readonly entities: number;
  /** Rows the machine decided (not human_review): the base of the two rates. */
  readonly machine: number;
  readonly auto_matched: number;
  readonly review: number;
  readonly human: number;
  readonly auto_match_rate: number | null;
  readonly review_share: number | null;
  readonly cost_usd: number;
  readonly cost_per_entity: number | null;
  readonly avg_latency_ms: number | null;
  readonly p50_latency_ms: number | null;
  readonly p95_latency_ms: number | null;
  readonly p99_latency_ms: number | null;
}

export interface RunSummary {
  readonly run_id: string;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly status: string;
  readonly rows_processed: number | null;
  readonly message: string | null;
}

export interface StageFigures {
  readonly stage: string;
  readonly entities: number;
  readonly cost_usd: number;
  readonly cost_per_entity: number;
  readonly avg_latency_ms: number | null;
}

export interface Monitoring {
  /** Oldest day first. */
  readonly daily: DailyMonitoring[];
  /** Matching runs, oldest first (the latest 60). */
  readonly runs: RunSummary[];
  /** Every gold row by the stage that decided it (the funnel), with cost and latency. */
  readonly stages: StageFigures[];
  readonly latency: { p50: number | null; p90: number | null; p99: number | null; max: number | null };
  readonly queueSize: number;
  readonly totalEntities: number;
  /** The latest day's figures, as the alert rules read them. */
  readonly alertMetrics: AlertMetrics;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function monitoring(
  query: MonitoringQuery,
  s: MonitoringSchemas = LOCAL_SCHEMAS,
): Promise<Monitoring> {
  const daily = (
    await query(`SELECT CAST(CAST(match_timestamp AS DATE) AS STRING) AS day,
        COUNT(*) AS entities,
        COUNT(*) FILTER (WHERE match_method <> 'human_review') AS machine,
        COUNT(*) FILTER (WHERE auto_matched) AS auto_matched,
        COUNT(*) FILTER (WHERE needs_review) AS review,
        COUNT(*) FILTER (WHERE match_method = 'human_review') AS human,
        COALESCE(SUM(cost_usd), 0) AS cost_usd,
        AVG(processing_time_ms) FILTER (WHERE match_method <> 'human_review') AS avg_latency_ms,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_time_ms) FILTER (WHERE match_method <> 'human_review') AS p50_latency_ms,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY processing_time_ms) FILTER (WHERE match_method <> 'human_review') AS p95_latency_ms,
        percentile_cont(0.99) WITHIN GROUP (ORDER BY processing_time_ms) FILTER (WHERE match_method <> 'human_review') AS p99_latency_ms
      FROM ${s.gold}.matched_entities WHERE match_timestamp IS NOT NULL
      GROUP BY CAST(match_timestamp AS DATE) ORDER BY day`)
  ).map((r): DailyMonitoring => {
    const machine = Number(r.machine);
    const entities = Number(r.entities);
    return {
      day: String(r.day),
      entities,
      machine,
      auto_matched: Number(r.auto_matched),
      review: Number(r.review),
      human: Number(r.human),
      auto_match_rate: machine > 0 ? Number(r.auto_matched) / machine : null,
      review_share: machine > 0 ? Number(r.review) / machine : null,
      cost_usd: Number(r.cost_usd),
      cost_per_entity: entities > 0 ? Number(r.cost_usd) / entities : null,
      avg_latency_ms: num(r.avg_latency_ms),
      p50_latency_ms: num(r.p50_latency_ms),
      p95_latency_ms: num(r.p95_latency_ms),
      p99_latency_ms: num(r.p99_latency_ms),
    };
  });
  const runs = (
    await query(`SELECT run_id, CAST(started_at AS STRING) AS started_at, CAST(finished_at AS STRING) AS finished_at,
        status, rows_processed, message
      FROM ${s.ops}.runs WHERE kind = 'match' ORDER BY started_at DESC LIMIT 60`)
  )
    .map((r) => ({ ...r, rows_processed: num(r.rows_processed) }) as RunSummary)
    .reverse();
  const stages = (
    await query(`SELECT COALESCE(match_stage, '(none)') AS stage, COUNT(*) AS entities, COALESCE(SUM(cost_usd), 0) AS cost_usd,
        AVG(processing_time_ms) AS avg_latency_ms
      FROM ${s.gold}.matched_entities GROUP BY COALESCE(match_stage, '(none)') ORDER BY stage`)
  ).map((r) => ({
    stage: String(r.stage),
    entities: Number(r.entities),
    cost_usd: Number(r.cost_usd),
    cost_per_entity: Number(r.cost_usd) / Math.max(1, Number(r.entities)),
    avg_latency_ms: num(r.avg_latency_ms),
  }));
  const [overall] = await query(`SELECT
      percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_time_ms) AS p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY processing_time_ms) AS p90,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY processing_time_ms) AS p99,
      MAX(processing_time_ms) AS max_ms,
      COUNT(*) FILTER (WHERE needs_review) AS queue, COUNT(*) AS total
    FROM ${s.gold}.matched_entities WHERE match_method <> 'human_review'`);
  const latest = daily.at(-1) ?? null;
  const [failed] = latest
    ? await query(`SELECT COUNT(*) AS n FROM ${s.ops}.runs
        WHERE kind = 'match' AND status = 'failed' AND CAST(CAST(started_at AS DATE) AS STRING) = '${latest.day.replace(/[^0-9-]/g, '')}'`)
    : await query(`SELECT COUNT(*) AS n FROM ${s.ops}.runs WHERE kind = 'match' AND status = 'failed'`);
  return {
    daily,
    runs,
    stages,
    latency: {
      p50: num(overall?.p50),
      p90: num(overall?.p90),
      p99: num(overall?.p99),
      max: num(overall?.max_ms),
    },
    queueSize: Number(overall?.queue ?? 0),
    totalEntities: stages.reduce((a, st) => a + st.entities, 0),
    alertMetrics: {
      day: latest?.day ?? null,
      values: {
        auto_match_rate: latest?.auto_match_rate ?? null,
        review_share: latest?.review_share ?? null,
        cost_per_entity: latest?.cost_per_entity ?? null,
        avg_latency_ms: latest?.avg_latency_ms ?? null,
        failed_runs: Number(failed?.n ?? 0),
      },
    },
  };
}
