import { EmError } from '@em/core';
import { ApiCallError, type ApiCallErrorDetails } from '@em/core/transport';

export interface DatabricksApiErrorDetails extends Omit<ApiCallErrorDetails, 'service' | 'target'> {
  /** Path of the request that failed, without host or query string. */
  readonly path: string;
}

/**
 * A Databricks REST call that failed: core's ApiCallError with the method and path (never
 * headers or credentials), the status, Databricks' `error_code` and message, and whether
 * another try could succeed.
 */
export class DatabricksApiError extends ApiCallError {
  constructor({ path, ...details }: DatabricksApiErrorDetails) {
    super({ ...details, service: 'Databricks', target: path }, 'DatabricksApiError');
  }

  get path(): string {
    return this.target;
  }

  static override isInstance(error: unknown): error is DatabricksApiError {
    return ApiCallError.isInstance(error) && error.name === 'DatabricksApiError';
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
