import { EngineOperationUnsupportedError } from '@em/core/engine';

/** What to use on Databricks for each operation the engine does not do over REST. */
const INSTEAD = {
  ingest:
    'load bronze with DatabricksEngine.load(kind, rows) (packages/databricks-client/README.md), or land files with COPY INTO in the bundle (em deploy).',
  train:
    'the pair model on Databricks is the Ditto model trained by notebooks/ and served by Model Serving (run the bundle job that trains it: em deploy, then databricks bundle run).',
  index:
    'stage 2 on Databricks is the Vector Search index over the reference table; it syncs itself (Delta Sync) once em deploy created it.',
  'export the gold table':
    'read <catalog>.gold.matched_entities in Databricks SQL (or the bundle dashboard).',
  'list, show, decide, export or import review cases':
    'use the review console deployed as a Databricks App (docs/console.md), or gold.review_queue in Databricks SQL.',
  'report stats or monitoring figures':
    'read gold.daily_stats and gold.cost_analysis in Databricks SQL; the bundle deploys the dashboard and the alerts (em deploy).',
} as const;

export type UnsupportedOperation = keyof typeof INSTEAD;

/** The typed refusal for an operation the Databricks engine does not do here (exit 2 in the CLI). */
export function unsupportedOnDatabricks(operation: UnsupportedOperation): EngineOperationUnsupportedError {
  return new EngineOperationUnsupportedError('databricks', operation, INSTEAD[operation]);
}
