export { EVAL_USAGE } from './cli/eval-main.js';
export { emEvalMain } from './cli/main.js';
export {
  DEFAULT_THRESHOLD,
  type EvaluateInput,
  type EvaluationReport,
  evaluate,
  REPORT_SCHEMA_VERSION,
} from './evaluate.js';
export { checkGates, describeFailedGates, type Gate, type GateResult, parseGates } from './gates.js';
export { type LoadPredictionsOptions, loadPredictions } from './load/load-predictions.js';
export { loadTruth } from './load/load-truth.js';
export type { SourceKey } from './metrics/align.js';
export type { Views } from './metrics/breakdown.js';
export type { HistogramBin } from './metrics/confidence-histogram.js';
export type { Cost, CostSummary } from './metrics/cost.js';
export type { Latency } from './metrics/latency.js';
export type { Counts, Metrics } from './metrics/metrics.js';
export type { FunnelStep } from './metrics/stage-funnel.js';
export type { SweepPoint, TargetPrecision } from './metrics/threshold-sweep.js';
export type { ErrorKind, WorstError } from './metrics/worst-errors.js';
export { comparisonCsv, comparisonMarkdown } from './pairs/comparison-table.js';
export { type DittoPair, readDittoPairs } from './pairs/ditto-pairs.js';
export { evaluatePairs, type PairDatasetResult, type PairSplit } from './pairs/evaluate-pairs.js';
export { jaccardScore } from './pairs/jaccard-scorer.js';
export { bestThreshold, type PairMetrics, pairMetrics } from './pairs/pair-metrics.js';
export { readPairPredictions } from './pairs/pair-predictions.js';
export { discoverDatasets, type PairsBenchmarkOptions, runPairsBenchmark } from './pairs/pairs-benchmark.js';
export { runPairsFiles } from './pairs/pairs-files.js';
export { PAIRS_SCHEMA_VERSION, type PairsReport } from './pairs/pairs-report.js';
export { loadPublished, type PublishedResult } from './pairs/published.js';
export { HTML_CHARTS, type HtmlReportOptions, renderHtmlReport } from './report/html/html-report.js';
export { renderTerminalReport } from './report/terminal-report.js';
export {
  type EvaluationJson,
  type EvaluationRun,
  type EvaluationRunOptions,
  runEvaluation,
} from './run-evaluation.js';
export { PredictionCandidate, PredictionRow, type PredictionRowInput } from './schemas/prediction-row.js';
export { TruthRow } from './schemas/truth-row.js';
