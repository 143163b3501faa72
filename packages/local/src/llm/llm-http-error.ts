import { ApiCallError, type ApiCallErrorDetails } from '@em/core/transport';

/**
 * A chat-completions call to an OpenAI-compatible endpoint that failed: core's ApiCallError
 * (the URL, never headers or the key; the status; the endpoint's message; retryability; tries).
 */
export class LlmHttpError extends ApiCallError {
  constructor(details: Omit<ApiCallErrorDetails, 'service' | 'method'>) {
    super({ ...details, service: 'LLM endpoint', method: 'POST' }, 'LlmHttpError');
  }

  get url(): string {
    return this.target;
  }

  static override isInstance(error: unknown): error is LlmHttpError {
    return ApiCallError.isInstance(error) && error.name === 'LlmHttpError';
  }
}

/** The URL as safe to print: no user-info, no query string. */
export function printableUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
