import type { Monitoring } from './gold/monitoring.js';
import type { StatsReport } from './gold/stats.js';
import type { IndexOptions, IndexReport } from './indexing/index-reference.js';
import type { IngestOptions } from './ingest/ingest-file.js';
import type { IngestReport } from './ingest/ingest-report.js';
import type { ReviewCase } from './review/review-case.js';
import type { ReviewDecision } from './review/review-decide.js';
import type { ReviewExportOptions } from './review/review-export.js';
import type { DecisionRecord } from './review/review-history.js';
import type { ReviewImportOptions, ReviewImportReport } from './review/review-import.js';
import type { ReviewItem, ReviewQueueOptions } from './review/review-queue.js';
import type { TrainOptions, TrainResult } from './train/train-from-database.js';

/** What the embedded engine's operations take and give (the MatchingEngine port's shapes). */
export interface LocalEngineShapes {
  readonly ingestOptions: IngestOptions;
  readonly ingestReport: IngestReport;
  readonly trainOptions: TrainOptions;
  readonly trainReport: TrainResult;
  readonly indexOptions: IndexOptions;
  readonly indexReport: IndexReport;
  readonly reviewQueueOptions: ReviewQueueOptions;
  readonly reviewItem: ReviewItem;
  readonly reviewCase: ReviewCase;
  readonly reviewDecision: ReviewDecision;
  readonly decisionRecord: DecisionRecord;
  readonly reviewExportOptions: ReviewExportOptions;
  readonly reviewImportOptions: ReviewImportOptions;
  readonly reviewImportReport: ReviewImportReport;
  readonly statsReport: StatsReport;
  readonly monitoring: Monitoring;
}
