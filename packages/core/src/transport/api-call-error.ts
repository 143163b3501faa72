import { EmError } from '../errors.js';

const marker = Symbol.for('em.api-call-error');

export interface ApiCallErrorDetails {
  /** Who was called, for the message: "Databricks", "LLM endpoint". */
  readonly service: string;
  readonly method: string;
  /** The URL or path called, without credentials or query string. */
  readonly target: string;
  /** HTTP status, or null when no response came back (timeout, network). */
  readonly status: number | null;
  /** The service's error code (e.g. RESOURCE_DOES_NOT_EXIST) or ours: TIMEOUT, NETWORK, MALFORMED_RESPONSE. */
  readonly errorCode?: string | null;
  /** The service's message or what went wrong, secrets already redacted. */
  readonly detail: string;
  readonly isRetryable: boolean;
  readonly attempts?: number;
  readonly cause?: unknown;
}

/**
 * An HTTP call em made that failed: which request (never headers or credentials), the status,
 * the service's message, whether another try could succeed and how many were made. Each
 * transport has its subclass with its own `name`; `ApiCallError.isInstance` matches them all.
 */
export class ApiCallError extends EmError {
  private readonly [marker] = true;
  readonly service: string;
  readonly method: string;
  readonly target: string;
  readonly status: number | null;
  readonly errorCode: string | null;
  readonly detail: string;
  readonly attempts: number;

  constructor(details: ApiCallErrorDetails, name = 'ApiCallError') {
    const status = details.status === null ? 'no response' : `HTTP ${details.status}`;
    const code = details.errorCode ? ` ${details.errorCode}` : '';
    const tries = (details.attempts ?? 1) > 1 ? ` (after ${details.attempts} attempts)` : '';
    super(
      `${details.service} ${details.method} ${details.target} failed: ${status}${code}: ${details.detail}${tries}`,
      { name, isRetryable: details.isRetryable, cause: details.cause },
    );
    this.service = details.service;
    this.method = details.method;
    this.target = details.target;
    this.status = details.status;
    this.errorCode = details.errorCode ?? null;
    this.detail = details.detail;
    this.attempts = details.attempts ?? 1;
  }

  /** The same failure after `attempts` tries, with `note` added to the detail. */
  details(attempts = this.attempts, note = ''): ApiCallErrorDetails {
    return {
      service: this.service,
      method: this.method,
      target: this.target,
      status: this.status,
      errorCode: this.errorCode,
      detail: this.detail + note,
      isRetryable: this.isRetryable,
      attempts,
      cause: this.cause,
    };
  }

  static override isInstance(error: unknown): error is ApiCallError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
