// @em/core/transport: one policy for every HTTP call em makes (what is retried, how long to
// wait, Retry-After), one ApiCallError family, the OpenAI chat wire schema, secret redaction.
export { redactSecrets } from '../redact-secrets.js';
export { ApiCallError, type ApiCallErrorDetails } from '../transport/api-call-error.js';
export {
  chatCompletionBody,
  type ResponseFormatMode,
  readChatCompletion,
} from '../transport/openai-chat-wire.js';
export {
  type Backoff,
  type HeaderSource,
  isRetryableStatus,
  mayRetry,
  RETRYABLE_STATUSES,
  retryAfterMs,
  retryDelayMs,
} from '../transport/retry-policy.js';
