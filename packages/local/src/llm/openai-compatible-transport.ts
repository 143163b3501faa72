import type { ChatRequest, ChatResponse, ChatTransport } from '@em/core';
import {
  chatCompletionBody,
  isRetryableStatus,
  type ResponseFormatMode,
  readChatCompletion,
  redactSecrets,
  retryAfterMs,
  retryDelayMs,
} from '@em/core/transport';
import { LlmHttpError, printableUrl } from './llm-http-error.js';
import { rejectsResponseFormat, weakerMode } from './response-format.js';
import { sleepFor } from './sleep-for.js';

export interface OpenAiCompatibleTransportOptions {
  /** E.g. https://api.openai.com/v1, http://localhost:11434/v1, https://<workspace>/serving-endpoints. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer …`; never printed. */
  readonly apiKey?: string | undefined;
  /** Extra headers (e.g. Azure's `api-key`); their values are redacted from errors too. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per HTTP attempt. Default 60 000. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt on 408/409/429/5xx, timeouts and network errors. Default 3. */
  readonly maxRetries?: number;
  /** Backoff when the server gives no Retry-After: full jitter over baseDelayMs · 2^n, at most maxDelayMs. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails (retryable) at once. Default 120 000. */
  readonly maxRetryAfterMs?: number;
  /** Start with this `response_format` (default json_schema); a rejection steps down and is remembered. */
  readonly responseFormat?: ResponseFormatMode;
  /** Injectable for tests. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
}

/** A `ChatTransport` over any OpenAI-compatible `POST {baseUrl}/chat/completions`, with one retry policy. */
export function createOpenAiCompatibleTransport(
  options: OpenAiCompatibleTransportOptions,
): ChatTransport & { responseFormat(): ResponseFormatMode } {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const shownUrl = printableUrl(url);
  const secrets = [options.apiKey, ...Object.values(options.headers ?? {})];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  const doFetch = options.fetch ?? fetch;
  let mode: ResponseFormatMode = options.responseFormat ?? 'json_schema';
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    ...options.headers,
  };
  const fail = (
    status: number | null,
    detail: string,
    isRetryable: boolean,
    attempts: number,
    cause?: unknown,
  ) =>
    new LlmHttpError({
      target: shownUrl,
      status,
      detail: redactSecrets(detail, secrets),
      isRetryable,
      attempts,
      cause,
    });

  async function post(
    request: ChatRequest,
    used: ResponseFormatMode,
  ): Promise<{ response: Response; text: string }> {
    const body = chatCompletionBody(request, used);
    const signals = [AbortSignal.timeout(timeoutMs), ...(request.signal ? [request.signal] : [])];
    const response = await doFetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.any(signals),
    });
    return { response, text: await response.text() };
  }

  async function complete(request: ChatRequest): Promise<ChatResponse> {
    let retries = 0;
    for (let attempt = 1; ; attempt++) {
      request.signal?.throwIfAborted();
      const used = request.jsonSchema ? mode : 'none';
      let waitMs: number | null = null;
      let failure: LlmHttpError;
      try {
        const { response, text } = await post(request, used);
        if (response.ok) {
          const read = readChatCompletion(parseJson(text), request.model);
          if (!('problem' in read)) return read;
          failure = fail(response.status, `${read.problem}: ${preview(text)}`, false, attempt);
        } else if (used !== 'none' && rejectsResponseFormat(response.status, text)) {
          if (mode === used) mode = weakerMode(used);
          attempt--; // a format step-down is not a retry
          continue;
        } else {
          const retryable = isRetryableStatus(response.status);
          failure = fail(response.status, errorDetail(text), retryable, attempt);
          if (retryable) waitMs = retryAfterMs(response.headers, Date.now());
        }
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        const detail = timedOut ? `no response within ${timeoutMs} ms` : `network error: ${describe(error)}`;
        failure = fail(null, detail, true, attempt, error);
      }
      if (!failure.isRetryable || retries >= maxRetries) throw failure;
      retries++;
      const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
      if (waitMs !== null && waitMs > maxRetryAfterMs) {
        throw fail(
          failure.status,
          `${failure.detail}; Retry-After ${waitMs} ms is longer than ${maxRetryAfterMs} ms`,
          true,
          attempt,
        );
      }
      await sleep(
        retryDelayMs(
          { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 20_000 },
          retries,
          waitMs,
          random,
        ),
        request.signal,
      );
    }
  }

  return { complete, responseFormat: () => mode };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const preview = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
};

/** `error.message` of an OpenAI-style error body, else the body itself (shortened). */
function errorDetail(text: string): string {
  const body = parseJson(text) as { error?: { message?: unknown } | string; message?: unknown } | undefined;
  const message = typeof body?.error === 'string' ? body.error : (body?.error?.message ?? body?.message);
  return typeof message === 'string' && message.trim() !== ''
    ? preview(message)
    : preview(text) || '(empty body)';
}

const describe = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? ` ${cause.code}` : '';
  return `${error instanceof Error ? error.message : String(error)}${code}`;
};
