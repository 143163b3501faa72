import { EmError } from '@em/core';

/** HTTP statuses worth another try: the request was not (or may safely be) processed. 555: a serving endpoint scaling up from zero. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504, 555]);

export interface DatabricksApiErrorDetails {
  readonly method: string;
  /** Path of the request that failed, without host or query string. */
  readonly path: string;
  /** HTTP status, or null when no response came back (timeout, network). */
  readonly status: number | null;
  /** Databricks `error_code` (e.g. RESOURCE_DOES_NOT_EXIST), or ours: TIMEOUT, NETWORK, MALFORMED_RESPONSE, BUDGET_EXHAUSTED. */
  readonly errorCode: string | null;
  /** Databricks `message`, or what went wrong. */
  readonly detail: string;
  readonly isRetryable: boolean;
  readonly attempts?: number;
  readonly cause?: unknown;
}

/**
 * A Databricks REST call that failed: which request (method and path, never headers or
 * credentials), the status, Databricks' `error_code` and message, and whether another try
 * could succeed.
 */
export class DatabricksApiError extends EmError {
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly errorCode: string | null;
  readonly detail: string;
  readonly attempts: number;

  constructor(details: DatabricksApiErrorDetails) {
    const status = details.status === null ? 'no response' : `HTTP ${details.status}`;
    const code = details.errorCode ? ` ${details.errorCode}` : '';
    const tries = (details.attempts ?? 1) > 1 ? ` (after ${details.attempts} attempts)` : '';
    super(
      `Databricks ${details.method} ${details.path} failed: ${status}${code}: ${details.detail}${tries}`,
      {
        name: 'DatabricksApiError',
        isRetryable: details.isRetryable,
        cause: details.cause,
      },
    );
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.detail = details.detail;
    this.attempts = details.attempts ?? 1;
  }

  static override isInstance(error: unknown): error is DatabricksApiError {
    return EmError.isInstance(error) && error.name === 'DatabricksApiError';
  }
}

export interface DatabricksSqlErrorDetails {
  /** What em was doing, e.g. "exact lookup". */
  readonly stage: string;
  readonly sql: string;
  readonly message: string;
  readonly errorCode?: string | null;
  readonly statementId?: string | null;
  readonly state?: string | null;
  readonly isRetryable?: boolean;
  readonly cause?: unknown;
}

const sqlPreview = (sql: string): string => {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
};

/**
 * A SQL statement that failed on Databricks, with the stage and the statement (parameters are
 * bound, so the text holds no user values or secrets).
 */
export class DatabricksSqlError extends EmError {
  readonly stage: string;
  readonly sql: string;
  readonly errorCode: string | null;
  readonly statementId: string | null;
  readonly state: string | null;
  /** The failure without stage or SQL. */
  readonly reason: string;

  constructor(details: DatabricksSqlErrorDetails) {
    const code = details.errorCode ? ` [${details.errorCode}]` : '';
    super(
      `Databricks SQL failed while ${details.stage}${code}: ${details.message}\n  SQL: ${sqlPreview(details.sql)}`,
      {
        name: 'DatabricksSqlError',
        isRetryable: details.isRetryable ?? false,
        cause: details.cause,
      },
    );
    this.stage = details.stage;
    this.sql = details.sql;
    this.errorCode = details.errorCode ?? null;
    this.statementId = details.statementId ?? null;
    this.state = details.state ?? null;
    this.reason = details.message;
  }

  static override isInstance(error: unknown): error is DatabricksSqlError {
    return EmError.isInstance(error) && error.name === 'DatabricksSqlError';
  }
}
