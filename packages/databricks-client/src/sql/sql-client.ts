import { type SqlTarget, tableName } from '@em/sql';
import { DatabricksSqlError } from '../errors.js';
import type { SqlSession, SqlSessionSource, SqlValue } from './sql-session.js';

export type SqlParams = Readonly<Record<string, SqlValue>>;

/**
 * Runs em's statements on a SqlSession: opens a lazy session once, binds named parameters, and
 * rethrows any failure as DatabricksSqlError with the stage and the statement.
 */
export class SqlClient {
  private session: Promise<SqlSession> | null = null;

  constructor(
    private readonly source: SqlSessionSource,
    readonly catalog: string,
  ) {}

  /** `schema.table` qualified with the catalog, e.g. `entity_matching.gold.matched_entities`. */
  table(schemaAndTable: string): string {
    return tableName(this.target, schemaAndTable);
  }

  /** Where @em/sql's statements are rendered for: Databricks SQL on this catalog. */
  get target(): SqlTarget {
    return { dialect: 'databricks', catalog: this.catalog };
  }

  async all<T = Record<string, unknown>>(sql: string, params: SqlParams, stage: string): Promise<T[]> {
    try {
      const session = await this.open();
      const operation = await session.executeStatement(sql, { namedParameters: { ...params } });
      try {
        return (await operation.fetchAll()) as T[];
      } finally {
        await operation.close();
      }
    } catch (error) {
      throw wrap(error, sql, stage);
    }
  }

  async run(sql: string, params: SqlParams, stage: string): Promise<void> {
    await this.all(sql, params, stage);
  }

  private open(): Promise<SqlSession> {
    if (this.session === null) {
      const { source } = this;
      this.session = typeof source === 'function' ? source() : Promise.resolve(source);
      this.session.catch(() => {
        this.session = null;
      });
    }
    return this.session;
  }
}

function wrap(error: unknown, sql: string, stage: string): DatabricksSqlError {
  const e = error as {
    message?: unknown;
    errorCode?: unknown;
    statementId?: unknown;
    state?: unknown;
    isRetryable?: unknown;
  };
  const message = DatabricksSqlError.isInstance(error) ? error.reason : String(e.message ?? error);
  return new DatabricksSqlError({
    stage,
    sql,
    message,
    errorCode: typeof e.errorCode === 'string' ? e.errorCode : null,
    statementId: typeof e.statementId === 'string' ? e.statementId : null,
    state: typeof e.state === 'string' ? e.state : null,
    isRetryable: e.isRetryable === true,
    cause: error,
  });
}
