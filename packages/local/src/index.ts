export type { RunReport } from '@em/core';
export { Database } from './db/database.js';
export { LocalEngine, type LocalEngineOptions } from './engine.js';
export type { LocalEngineShapes } from './engine-shapes.js';
export {
  type DailyMonitoring,
  LOCAL_SCHEMAS,
  type Monitoring,
  type MonitoringQuery,
  type MonitoringSchemas,
  monitoring,
  type RunSummary,
  type StageFigures,
} from './gold/monitoring.js';
export type {
  CostAnalysisRow,
  DailyStatsRow,
  ModelVersionRow,
  StatsCounts,
  StatsReport,
} from './gold/stats.js';
export type { IndexOptions, IndexReport } from './indexing/index-reference.js';
export type { EntityKind } from './ingest/entity-columns.js';
export type { IngestOptions } from './ingest/ingest-file.js';
export { formatIngestReport, type IngestReport } from './ingest/ingest-report.js';
export { runNormalizeWorker } from './ingest/silver/normalize-pool.js';
export * from './label/index.js';
export * from './llm/index.js';
export * from './model/index.js';
export { DuckDbMatchSink, type DuckDbMatchSinkOptions } from './ports/duckdb-match-sink.js';
export { DuckDbReferenceLookup } from './ports/duckdb-reference-lookup.js';
export * from './reference/index.js';
export * from './retrieval/index.js';
export * from './review/index.js';
export type { RunOptions } from './runs/run-matching.js';
export type { GoldLabels } from './train/gold-labels.js';
export type { TrainOptions, TrainResult } from './train/train-from-database.js';
