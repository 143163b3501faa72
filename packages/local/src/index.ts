export type { RunReport } from '@em/core';
export { Database } from './db/database.js';
export { LocalEngine, type LocalEngineOptions } from './engine.js';
export type { LocalEngineShapes } from './engine-shapes.js';
export type { DatabricksProjection } from './gold/databricks-projection.js';
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
export type { LabelCaseRow, PairLabel } from './label/index.js';
export {
  appendPairLabels,
  labelledKeys,
  labelQueue,
  labelsPathFor,
  pairLabelsAsReview,
  readLabelCases,
  readPairLabels,
} from './label/index.js';
export { createOpenAiCompatibleTransport } from './llm/index.js';
export type {
  FeatureContribution,
  GbdtOptions,
  GoldLabel,
  LocalBackends,
  ModelComparison,
  PairExplanation,
  PairModelArtifact,
  SelfSupervisedStats,
  SelfTrainingStats,
  TrainingReuse,
} from './model/index.js';
export {
  buildTrainingPairs,
  chooseTrainingPairs,
  compareOnLabelsForDb,
  estimateAutoPrecision,
  explainPair,
  fitPairModel,
  GbdtPairScorer,
  gbdtMargin,
  hashString,
  inHashFraction,
  loadLocalBackends,
  MemoryReferenceLookup,
  modelPathFor,
  REFERENCE_ROWS_SQL,
  ReferenceIdentifiers,
  readArtifact,
  readReferenceRows,
  readSourceRows,
  runGbdtHistogramWorker,
  sigmoid,
  trainGbdt,
  trainLocalModel,
  trainPairModel,
  withTrust,
} from './model/index.js';
export { DuckDbMatchSink, type DuckDbMatchSinkOptions } from './ports/duckdb-match-sink.js';
export { DuckDbReferenceLookup } from './ports/duckdb-reference-lookup.js';
export { ReferenceStore, readReferenceStore } from './reference/index.js';
export {
  ChannelRetriever,
  DEFAULT_NAME_INDEX_OPTIONS,
  IndexRetriever,
  NameIndex,
  ParallelIndexRetriever,
  readIndexFile,
  runIndexBuildWorker,
  runSearchWorker,
  writeIndexFile,
} from './retrieval/index.js';
export type {
  DecisionRecord,
  ReferenceHit,
  ReviewCase,
  ReviewDecision,
  ReviewItem,
  ReviewOrder,
  UndoRequest,
} from './review/index.js';
export { csvLine, parseCsv, suggestion } from './review/index.js';
export type { RunOptions } from './runs/run-matching.js';
export type { GoldLabels } from './train/gold-labels.js';
export type { TrainOptions, TrainResult } from './train/train-from-database.js';
