export { type ReferenceHit, searchReference } from './reference-search.js';
export type { ReviewCase } from './review-case.js';
export { type CsvRecord, csvLine, parseCsv } from './review-csv.js';
export type { ApplyOptions, ApplyReport, ReviewDecision } from './review-decide.js';
export type { ReviewExportOptions } from './review-export.js';
export type { DecisionRecord } from './review-history.js';
export {
  type ImportProblem,
  ReviewImportError,
  type ReviewImportOptions,
  type ReviewImportReport,
} from './review-import.js';
export { type ReviewLabel, reviewDecisionLabels } from './review-labels.js';
export {
  type ReviewItem,
  type ReviewOrder,
  type ReviewQueueOptions,
  suggestion,
} from './review-queue.js';
export { type UndoRequest, undoLastDecision } from './review-undo.js';
