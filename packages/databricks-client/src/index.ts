// Auth and HTTP policy
export {
  type DatabricksAuthOptions,
  type DatabricksCredentials,
  normalizeHost,
  type ResolvedAuth,
  resolveDatabricksAuth,
} from './auth/credentials.js';
export { OAuthM2mTokenProvider, StaticTokenProvider, type TokenProvider } from './auth/token-provider.js';
// The Asset Bundle deploy path and the set-based cascade SQL it runs
export * from './bundle/index.js';
export * from './cascade-sql/index.js';
// The engine
export { DatabricksEngine, runDatabricks } from './engine/databricks-engine.js';
export type { DatabricksEngineOptions } from './engine/engine-options.js';
export {
  type DatabricksRunOptions,
  type DatabricksRunReport,
  ENGINE_VERSION,
} from './engine/run-matching.js';
export { DatabricksApiError, DatabricksSqlError } from './errors.js';
export { FoundationModelChatTransport } from './foundation-model/foundation-model-transport.js';
export {
  connectDatabricks,
  type DatabricksConnection,
  type DatabricksConnectionOptions,
} from './http/create-http.js';
export {
  DatabricksHttp,
  type DatabricksHttpOptions,
  type HttpMethod,
  type HttpRequest,
} from './http/databricks-http.js';
export { HttpPolicy, type HttpPolicyInput } from './http/retry-policy.js';
export { type Runtime, systemRuntime } from './http/runtime.js';
// Jobs (the job itself is deployed by the Asset Bundle: databricks.yml, resources/)
export { findJobsByName, type RunResult, waitForRun } from './jobs/jobs-api.js';
export {
  deployServingEndpoint,
  modelVersionForAlias,
  type ServingEndpointSpec,
} from './serving/serving-endpoint-admin.js';
export {
  dittoRecord,
  ServingPairScorer,
  type ServingPairScorerOptions,
} from './serving/serving-pair-scorer.js';
export { type ApplyDdlOptions, applyDatabricksDdl, databricksDdl } from './sql/apply-ddl.js';
export { type BronzeLoadReport, loadBronze } from './sql/bronze-load.js';
export { DatabricksMatchSink, type DatabricksMatchSinkOptions } from './sql/databricks-match-sink.js';
export { DatabricksReferenceLookup } from './sql/databricks-reference-lookup.js';
export { DatabricksRunStore } from './sql/databricks-run-store.js';
export type { EntityKind } from './sql/entity-tables.js';
export { refreshSilver } from './sql/silver-refresh.js';
export { SqlClient, type SqlParams } from './sql/sql-client.js';
// SQL / Unity Catalog
export type { SqlOperation, SqlSession, SqlSessionSource, SqlValue } from './sql/sql-session.js';
export {
  type StatementExecutionOptions,
  StatementExecutionSession,
} from './sql/statement-execution-session.js';
export {
  type ClosableSqlSession,
  openThriftSession,
  type ThriftSessionOptions,
} from './sql/thrift-session.js';
export {
  type DeltaSyncIndexSpec,
  deltaSyncIndexBody,
  ensureDeltaSyncIndex,
  ensureVectorSearchEndpoint,
} from './vector-search/vector-search-admin.js';
// Vector Search, Model Serving, Foundation Models
export {
  VectorSearchRetriever,
  type VectorSearchRetrieverOptions,
} from './vector-search/vector-search-retriever.js';
