// The cascade as set-based SQL: rendered from core's CascadeConfig, run as a fixed list of
// statements over all pending rows on a SQL warehouse (and, for the parity test, on DuckDB).
export { type CascadeSqlDialect, databricksDialect, duckdbDialect } from './cascade-sql-dialect.js';
export type { CascadeSqlOptions, CascadeSqlTables, CascadeStatement } from './cascade-sql-options.js';
export { computeNamePairs, missingNamePairsSql, type NamePairSimilarity } from './name-similarity-fill.js';
export {
  type RenderedCascade,
  renderCascade,
  renderDecisionStatements,
  renderJobSteps,
} from './render-cascade.js';
