import { EmError } from '@em/core';

/** HTTP statuses worth another try: the request was not processed, or may safely be repeated. */
export const RETRYABLE_LLM_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504]);

export interface LlmHttpErrorDetails {
  /** The request URL without credentials or query string. */
  readonly url: string;
  /** HTTP status, or null when no response came back (timeout, network). */
  readonly status: number | null;
  /** The endpoint's error message, or what went wrong (secrets already redacted). */
  readonly detail: string;
  readonly isRetryable: boolean;
  readonly attempts: number;
  readonly cause?: unknown;
}

/**
 * A chat-completions call that failed: the URL (never headers or the key), the status, the
 * endpoint's message, whether another try could succeed, and how many tries were made.
 */
export class LlmHttpError extends EmError {
  readonly url: string;
  readonly status: number | null;
  readonly detail: string;
  readonly attempts: number;

  constructor(details: LlmHttpErrorDetails) {
    const status = details.status === null ? 'no response' : `HTTP ${details.status}`;
    const tries = details.attempts > 1 ? ` (after ${details.attempts} attempts)` : '';
    super(`LLM endpoint POST ${details.url} failed: ${status}: ${details.detail}${tries}`, {
      name: 'LlmHttpError',
      isRetryable: details.isRetryable,
      cause: details.cause,
    });
    this.url = details.url;
    this.status = details.status;
    this.detail = details.detail;
    this.attempts = details.attempts;
  }

  static override isInstance(error: unknown): error is LlmHttpError {
    return EmError.isInstance(error) && error.name === 'LlmHttpError';
  }
}

/** The URL as safe to print: no user-info, no query string. */
export function printableUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
