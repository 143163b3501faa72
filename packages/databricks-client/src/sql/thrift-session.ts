import type { TokenProvider } from '../auth/token-provider.js';
import type { SqlSession, SqlValue } from './sql-session.js';

export interface ThriftSessionOptions {
  /** Workspace URL (https://…) or bare hostname. */
  readonly host: string;
  /** The warehouse's HTTP path, e.g. /sql/1.0/warehouses/abc123 (env DATABRICKS_HTTP_PATH). */
  readonly httpPath: string;
  readonly tokens: TokenProvider;
  readonly catalog?: string;
}

export interface ClosableSqlSession extends SqlSession {
  close(): Promise<void>;
}

/**
 * A SqlSession on the `@databricks/sql` Thrift driver. The driver is imported only here and only
 * when called, so nothing else in em loads it. Tokens come from our provider (PAT or OAuth M2M).
 */
export async function openThriftSession(options: ThriftSessionOptions): Promise<ClosableSqlSession> {
  const { DBSQLClient } = await import('@databricks/sql');
  const client = new DBSQLClient();
  await client.connect({
    host: options.host.replace(/^https?:\/\//i, '').replace(/\/+$/, ''),
    path: options.httpPath,
    authType: 'external-token',
    getToken: () => options.tokens.token(),
    telemetryEnabled: false,
  });
  const session = await client.openSession(options.catalog ? { initialCatalog: options.catalog } : {});
  return {
    executeStatement: (
      statement: string,
      { namedParameters }: { namedParameters: Record<string, SqlValue> },
    ) => session.executeStatement(statement, { namedParameters }),
    close: async () => {
      await session.close();
      await client.close();
    },
  };
}
