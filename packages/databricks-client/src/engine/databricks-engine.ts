import {
  type Adjudicator,
  type CandidateRetriever,
  type CascadeConfig,
  type ChatTransport,
  InputError,
  type PairScorer,
  parseCascadeConfig,
} from '@em/core';
import { createLlmAdjudicator, llmAdjudicatorOptions } from '@em/core/adjudication';
import type { EngineInitReport, EngineSchemaUpgrade, EngineShapes, MatchingEngine } from '@em/core/engine';
import { FoundationModelChatTransport } from '../foundation-model/foundation-model-transport.js';
import { connectDatabricks, type DatabricksConnection } from '../http/create-http.js';
import { ServingPairScorer } from '../serving/serving-pair-scorer.js';
import { type ApplyDdlOptions, applyDatabricksDdl } from '../sql/apply-ddl.js';
import { type BronzeLoadReport, loadBronze } from '../sql/bronze-load.js';
import { DatabricksReferenceLookup } from '../sql/databricks-reference-lookup.js';
import type { EntityKind } from '../sql/entity-tables.js';
import { refreshNamePairSimilarity } from '../sql/name-pair-refresh.js';
import { migrateDatabricksSchema, recordNewSchema } from '../sql/schema-upgrade.js';
import { refreshSilver } from '../sql/silver-refresh.js';
import { SqlClient, type SqlParams } from '../sql/sql-client.js';
import type { SqlSessionSource } from '../sql/sql-session.js';
import { StatementExecutionSession } from '../sql/statement-execution-session.js';
import { type ClosableSqlSession, openThriftSession } from '../sql/thrift-session.js';
import { VectorSearchRetriever } from '../vector-search/vector-search-retriever.js';
import {
  type DatabricksEngineOptions,
  DEFAULT_CATALOG,
  DEFAULT_FOUNDATION_MODEL,
  DEFAULT_SERVING_ENDPOINT,
  setting,
} from './engine-options.js';
import {
  type DatabricksRunOptions,
  type DatabricksRunReport,
  runMatchingOnDatabricks,
} from './run-matching.js';
import { unsupportedOnDatabricks } from './unsupported-operations.js';

/** The MatchingEngine shapes on Databricks: what it cannot do here is `never` (it throws, naming what to use). */
export interface DatabricksEngineShapes extends EngineShapes {
  readonly ingestReport: never;
  readonly trainReport: never;
  readonly indexReport: never;
  readonly reviewItem: never;
  readonly reviewCase: never;
  readonly decisionRecord: never;
  readonly reviewImportReport: never;
  readonly statsReport: never;
  readonly monitoring: never;
}

/**
 * The Databricks engine: the same cascade as the embedded one, with Unity Catalog tables
 * (ReferenceLookup, MatchSink), Vector Search (retriever), a Ditto model on Model Serving (scorer)
 * and a Foundation Model (adjudicator transport). `run` has the embedded engine's shape. What it
 * does not do over REST (ingest from a file, train, index, review, stats) throws
 * EngineOperationUnsupportedError naming what to use on Databricks instead.
 */
export class DatabricksEngine implements MatchingEngine<DatabricksEngineShapes> {
  readonly name = 'databricks';
  readonly sql: SqlClient;
  readonly lookup: DatabricksReferenceLookup;
  readonly retriever: CandidateRetriever | undefined;
  readonly scorer: PairScorer | undefined;
  readonly transport: FoundationModelChatTransport;
  readonly foundationModel: string;
  private schemaChecked = false;
  private readonly makeAdjudicator: (
    transport: ChatTransport,
    model: string,
    config: CascadeConfig,
  ) => Adjudicator;

  private constructor(
    readonly connection: DatabricksConnection,
    sessionSource: SqlSessionSource,
    catalog: string,
    options: DatabricksEngineOptions,
    private readonly thrift: { session: Promise<ClosableSqlSession> | null },
  ) {
    const env = options.env ?? {};
    const { http } = connection;
    this.sql = new SqlClient(sessionSource, catalog);
    this.lookup = new DatabricksReferenceLookup(this.sql);
    const index = setting(
      options.vectorSearchIndex,
      env.EM_VECTOR_SEARCH_INDEX,
      `${catalog}.models.reference_index`,
    );
    this.retriever =
      index === null
        ? undefined
        : new VectorSearchRetriever(http, { ...options.retriever, indexName: index });
    const endpoint = setting(options.servingEndpoint, env.EM_SERVING_ENDPOINT, DEFAULT_SERVING_ENDPOINT);
    this.scorer =
      endpoint === null
        ? undefined
        : new ServingPairScorer(http, { ...options.scorer, endpointName: endpoint });
    this.transport = new FoundationModelChatTransport(http);
    this.foundationModel = setting(
      options.foundationModel,
      env.EM_FOUNDATION_MODEL,
      DEFAULT_FOUNDATION_MODEL,
    );
    this.makeAdjudicator =
      options.makeAdjudicator ??
      ((transport, model, config) =>
        createLlmAdjudicator({ transport, ...llmAdjudicatorOptions(config, model) }));
  }

  /** Resolve host, credentials and the SQL route; nothing is sent until a method runs. */
  static open(options: DatabricksEngineOptions = {}): DatabricksEngine {
    const env = options.env ?? {};
    const connection = connectDatabricks(options);
    const catalog = setting(options.catalog, env.EM_CATALOG, DEFAULT_CATALOG);
    const thrift: { session: Promise<ClosableSqlSession> | null } = { session: null };
    const warehouseId = setting(options.warehouseId, env.DATABRICKS_WAREHOUSE_ID, '');
    const httpPath = setting(options.httpPath, env.DATABRICKS_HTTP_PATH, '');
    let source: SqlSessionSource;
    if (options.sql) source = options.sql;
    else if (warehouseId)
      source = new StatementExecutionSession(connection.http, { ...options.statementExecution, warehouseId });
    else if (httpPath) {
      source = () => {
        thrift.session ??= openThriftSession({
          host: connection.host,
          httpPath,
          tokens: connection.tokens,
          catalog,
        });
        return thrift.session;
      };
    } else {
      throw new InputError(
        'No SQL warehouse to run on. Set DATABRICKS_WAREHOUSE_ID (the id in SQL Warehouses → Connection details) or DATABRICKS_HTTP_PATH (e.g. /sql/1.0/warehouses/abc123), or pass `warehouseId` / `httpPath`.',
      );
    }
    return new DatabricksEngine(connection, source, catalog, options, thrift);
  }

  /**
   * Create the catalog, schemas, tables and views from sql/, or bring tables an older em made to
   * the current schema version first (sql/migrations/). Safe to repeat; `applied`: the statements run.
   */
  async init(options: ApplyDdlOptions = {}): Promise<EngineInitReport> {
    const upgrade = await migrateDatabricksSchema(this.sql);
    const applied = await applyDatabricksDdl(this.sql, options);
    if (upgrade.from === null) await recordNewSchema(this.sql);
    this.schemaChecked = true;
    return { location: this.sql.catalog, applied };
  }

  /** Bring the catalog's tables to this em's schema version (`em migrate --engine databricks`). */
  async migrate(): Promise<EngineSchemaUpgrade> {
    const upgrade = await this.upgradeTables();
    if (upgrade.from === null)
      throw new InputError(
        `Catalog ${this.sql.catalog} has no em tables yet; run \`em init --engine databricks\` first.`,
      );
    return upgrade;
  }

  /** Migrate tables an older em made, then recreate the views for the new shape (the catalog exists: no CREATE CATALOG). */
  private async upgradeTables(): Promise<EngineSchemaUpgrade> {
    const upgrade = await migrateDatabricksSchema(this.sql);
    if (upgrade.applied.length > 0) await applyDatabricksDdl(this.sql, { createCatalog: false });
    this.schemaChecked = true;
    return upgrade;
  }

  /**
   * Load rows into bronze (validated; unchanged rows untouched), bring silver up to date, and
   * store core's name similarity for new identifier-hit name pairs (what the set-based cascade's
   * identifier trust reads from silver.name_pair_similarity).
   */
  async load(
    kind: EntityKind,
    rows: readonly Readonly<Record<string, unknown>>[],
    options: { sourceFile?: string } = {},
  ): Promise<BronzeLoadReport & { normalized: number; namePairs: number }> {
    const report = await loadBronze(this.sql, kind, rows, options);
    const normalized = await refreshSilver(this.sql, kind);
    return { ...report, normalized, namePairs: await refreshNamePairSimilarity(this.sql) };
  }

  /**
   * A fresh stage-4 adjudicator over the Foundation Model transport, built from the run's config
   * (auto-match threshold, llm.budget, timeout, concurrency, reply size): one per run, as its
   * budget is per run.
   */
  adjudicator(config: CascadeConfig = parseCascadeConfig({})): Adjudicator {
    return this.makeAdjudicator(this.transport, this.foundationModel, config);
  }

  /** Match new and changed sources into gold; stage 4 runs only when `config.llm.enabled`. Tables an older em made are migrated first. */
  async run(options: DatabricksRunOptions = {}): Promise<DatabricksRunReport> {
    if (!this.schemaChecked) await this.upgradeTables();
    return runMatchingOnDatabricks(
      this.sql,
      {
        lookup: this.lookup,
        retriever: this.retriever,
        scorer: this.scorer,
        adjudicator: this.adjudicator(parseCascadeConfig(options.config ?? {})),
      },
      options,
    );
  }

  async ingest(): Promise<never> {
    throw unsupportedOnDatabricks('ingest');
  }

  async train(): Promise<never> {
    throw unsupportedOnDatabricks('train');
  }

  async index(): Promise<never> {
    throw unsupportedOnDatabricks('index');
  }

  async exportGold(): Promise<never> {
    throw unsupportedOnDatabricks('export the gold table');
  }

  async reviewQueue(): Promise<never> {
    throw unsupportedOnDatabricks('list, show, decide, export or import review cases');
  }

  async reviewCase(): Promise<never> {
    throw unsupportedOnDatabricks('list, show, decide, export or import review cases');
  }

  async decide(): Promise<never> {
    throw unsupportedOnDatabricks('list, show, decide, export or import review cases');
  }

  async exportReviewQueue(): Promise<never> {
    throw unsupportedOnDatabricks('list, show, decide, export or import review cases');
  }

  async importReviewDecisions(): Promise<never> {
    throw unsupportedOnDatabricks('list, show, decide, export or import review cases');
  }

  async stats(): Promise<never> {
    throw unsupportedOnDatabricks('report stats or monitoring figures');
  }

  async monitoring(): Promise<never> {
    throw unsupportedOnDatabricks('report stats or monitoring figures');
  }

  /** Run SQL with named parameters (`:name`); rows as objects. */
  query<T = Record<string, unknown>>(statement: string, params: SqlParams = {}): Promise<T[]> {
    return this.sql.all<T>(statement, params, 'running a query');
  }

  async close(): Promise<void> {
    const session = this.thrift.session;
    this.thrift.session = null;
    if (session) await (await session).close();
  }
}

/** Open, run once, close: what `em run --engine databricks` calls. */
export async function runDatabricks(
  options: DatabricksEngineOptions & { readonly run?: DatabricksRunOptions } = {},
): Promise<DatabricksRunReport> {
  const engine = DatabricksEngine.open(options);
  try {
    return await engine.run(options.run);
  } finally {
    await engine.close();
  }
}
