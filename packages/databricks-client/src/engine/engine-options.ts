import type { Adjudicator, CascadeConfig, ChatTransport } from '@em/core';
import { pickSetting } from '@em/core/engine';
import type { DatabricksConnectionOptions } from '../http/create-http.js';
import type { ServingPairScorerOptions } from '../serving/serving-pair-scorer.js';
import type { SqlSessionSource } from '../sql/sql-session.js';
import type { StatementExecutionOptions } from '../sql/statement-execution-session.js';
import type { VectorSearchRetrieverOptions } from '../vector-search/vector-search-retriever.js';

/**
 * Everything the Databricks engine needs. Unset values come from `env` (passed in; never read from
 * the process):
 * DATABRICKS_HOST, DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID/SECRET, DATABRICKS_WAREHOUSE_ID or
 * DATABRICKS_HTTP_PATH, EM_CATALOG, EM_VECTOR_SEARCH_INDEX, EM_SERVING_ENDPOINT, EM_FOUNDATION_MODEL.
 */
export interface DatabricksEngineOptions extends DatabricksConnectionOptions {
  /** Unity Catalog catalog holding bronze/silver/gold/ops. Default entity_matching. */
  readonly catalog?: string;
  /** SQL warehouse id: SQL goes over the Statement Execution REST API. */
  readonly warehouseId?: string;
  /** Warehouse HTTP path (/sql/1.0/warehouses/…): SQL goes over the @databricks/sql Thrift driver. */
  readonly httpPath?: string;
  /** A session (or factory) to use instead of either; wins over both. */
  readonly sql?: SqlSessionSource;
  readonly statementExecution?: Omit<StatementExecutionOptions, 'warehouseId'>;
  /** Vector Search index for stage 2 (default `<catalog>.models.reference_index`); null: no retriever. */
  readonly vectorSearchIndex?: string | null;
  readonly retriever?: Omit<VectorSearchRetrieverOptions, 'indexName'>;
  /** Model Serving endpoint with the Ditto model for stage 3 (default em-ditto); null: no scorer. */
  readonly servingEndpoint?: string | null;
  readonly scorer?: Omit<ServingPairScorerOptions, 'endpointName'>;
  /** Foundation Model endpoint for stage 4. Default databricks-meta-llama-3-3-70b-instruct. */
  readonly foundationModel?: string;
  /**
   * Builds each run's stage-4 adjudicator over the Foundation Model transport. Default: core's
   * `createLlmAdjudicator({ transport, ...llmAdjudicatorOptions(config, model) })`: the run's
   * thresholds, budget, timeout, concurrency and reply size. Pass your own for a cache or calibration.
   */
  readonly makeAdjudicator?: (transport: ChatTransport, model: string, config: CascadeConfig) => Adjudicator;
}

export const DEFAULT_CATALOG = 'entity_matching';
export const DEFAULT_SERVING_ENDPOINT = 'em-ditto';
export const DEFAULT_FOUNDATION_MODEL = 'databricks-meta-llama-3-3-70b-instruct';

/** Option, else environment variable, else default (em's one precedence; `null`, explicitly off, is kept). */
export function setting<T extends string | null>(
  option: T | undefined,
  env: string | undefined,
  fallback: T,
): T {
  return pickSetting({ flag: option, env }, fallback);
}
