import { DatabricksSqlError } from '../errors.js';
import type { DatabricksHttp } from '../http/databricks-http.js';
import type { SqlOperation, SqlSession, SqlValue } from './sql-session.js';
import { rowsFromJsonArray, type StatementColumn } from './statement-rows.js';

export interface StatementExecutionOptions {
  readonly warehouseId: string;
  /** How long the POST waits before answering PENDING (Databricks accepts 0s or 5s–50s). Default 30s. */
  readonly waitTimeout?: string;
  /** Between status polls. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Give up on a statement still running after this long (it is cancelled). Default 15 minutes. */
  readonly statementTimeoutMs?: number;
}

interface StatementStatus {
  readonly state?: string;
  readonly error?: { readonly error_code?: string; readonly message?: string };
}

export interface StatementResponse {
  readonly statement_id?: string;
  readonly status?: StatementStatus;
  readonly manifest?: { readonly schema?: { readonly columns?: readonly StatementColumn[] } };
  readonly result?: ResultChunk;
}

interface ResultChunk {
  readonly data_array?: readonly (readonly (string | null)[])[];
  readonly next_chunk_index?: number;
}

/** "30s" → 30. */
const seconds = (duration: string): number => Number(/^(\d+)s$/.exec(duration.trim())?.[1] ?? 0);

const TERMINAL_FAILURES = new Set(['FAILED', 'CANCELED', 'CLOSED']);

/** Statement Execution parameter: `{ name, value, type }`, value as text; NULL is a missing value. */
export function statementParameter(name: string, value: SqlValue) {
  if (value === null) return { name, type: 'STRING' };
  if (typeof value === 'boolean') return { name, value: String(value), type: 'BOOLEAN' };
  if (typeof value === 'number')
    return { name, value: String(value), type: Number.isInteger(value) ? 'BIGINT' : 'DOUBLE' };
  return { name, value, type: 'STRING' };
}

/**
 * The SqlSession over the SQL Statement Execution REST API (`POST /api/2.0/sql/statements` on a
 * SQL warehouse): waits, polls until the statement ends, follows result chunks, and raises
 * DatabricksSqlError for FAILED / CANCELED / CLOSED even when the HTTP status is 200.
 */
export class StatementExecutionSession implements SqlSession {
  constructor(
    private readonly http: DatabricksHttp,
    private readonly options: StatementExecutionOptions,
  ) {}

  async executeStatement(
    statement: string,
    { namedParameters }: { namedParameters: Record<string, SqlValue> },
  ): Promise<SqlOperation> {
    const waitTimeout = this.options.waitTimeout ?? '30s';
    let response = await this.http.call<StatementResponse>({
      method: 'POST',
      path: '/api/2.0/sql/statements',
      idempotent: false,
      // The warehouse may hold the reply for wait_timeout; give the socket that long and more.
      timeoutMs: Math.max(this.http.policy.timeoutMs, seconds(waitTimeout) * 1000 + 15_000),
      body: {
        warehouse_id: this.options.warehouseId,
        statement,
        parameters: Object.entries(namedParameters).map(([name, value]) => statementParameter(name, value)),
        wait_timeout: waitTimeout,
        on_wait_timeout: 'CONTINUE',
        disposition: 'INLINE',
        format: 'JSON_ARRAY',
      },
    });
    response = await this.untilDone(statement, response);
    const rows = await this.collect(response);
    return { fetchAll: async () => rows, close: async () => undefined };
  }

  private async untilDone(statement: string, first: StatementResponse): Promise<StatementResponse> {
    const { runtime } = this.http;
    const giveUpAt = runtime.now() + (this.options.statementTimeoutMs ?? 15 * 60_000);
    let response = first;
    for (;;) {
      const state = response.status?.state ?? 'UNKNOWN';
      const id = response.statement_id ?? null;
      if (state === 'SUCCEEDED') return response;
      if (TERMINAL_FAILURES.has(state) || id === null) {
        throw new DatabricksSqlError({
          stage: 'running a statement',
          sql: statement,
          state,
          statementId: id,
          errorCode: response.status?.error?.error_code ?? null,
          message: response.status?.error?.message ?? `the statement ended in state ${state}`,
        });
      }
      if (runtime.now() >= giveUpAt) {
        await this.http
          .call({ method: 'POST', path: `/api/2.0/sql/statements/${id}/cancel`, idempotent: true })
          .catch(() => undefined);
        throw new DatabricksSqlError({
          stage: 'running a statement',
          sql: statement,
          state,
          statementId: id,
          errorCode: 'STATEMENT_TIMEOUT',
          message: `still ${state} after ${Math.round((this.options.statementTimeoutMs ?? 900_000) / 1000)} s; cancelled`,
          isRetryable: true,
        });
      }
      await runtime.sleep(this.options.pollIntervalMs ?? 1000);
      response = await this.http.call<StatementResponse>({
        method: 'GET',
        path: `/api/2.0/sql/statements/${id}`,
      });
    }
  }

  private async collect(response: StatementResponse): Promise<object[]> {
    const columns = response.manifest?.schema?.columns ?? [];
    const data = [...(response.result?.data_array ?? [])];
    let next = response.result?.next_chunk_index;
    while (next !== undefined && next !== null) {
      const chunk = await this.http.call<ResultChunk>({
        method: 'GET',
        path: `/api/2.0/sql/statements/${response.statement_id}/result/chunks/${next}`,
      });
      data.push(...(chunk.data_array ?? []));
      next = chunk.next_chunk_index;
    }
    return rowsFromJsonArray(columns, data);
  }
}
