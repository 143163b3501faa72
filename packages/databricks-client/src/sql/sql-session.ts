/** A bound parameter value: always sent as a parameter, never spliced into SQL text. */
export type SqlValue = string | number | boolean | null;

/**
 * The subset of `@databricks/sql`'s IDBSQLSession that em uses (executeStatement with named
 * parameters, then fetchAll and close), so any implementation can stand in: the Thrift driver,
 * the SQL Statement Execution REST API, or a fake.
 */
export interface SqlSession {
  executeStatement(
    statement: string,
    options: { namedParameters: Record<string, SqlValue> },
  ): Promise<SqlOperation>;
}

export interface SqlOperation {
  /** Rows as objects keyed by column name. */
  fetchAll(): Promise<object[]>;
  close(): Promise<unknown>;
}

/** A session, or a factory that opens one on first use. */
export type SqlSessionSource = SqlSession | (() => Promise<SqlSession>);
