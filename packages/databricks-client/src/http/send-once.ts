import { type Dispatcher, request } from 'undici';
import { DatabricksApiError } from '../errors.js';

export interface WireRequest {
  readonly url: string;
  readonly method: string;
  /** For error messages: the path without host or query. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly dispatcher?: Dispatcher;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/**
 * One HTTP exchange over undici with a deadline covering headers and body. A timeout or a
 * network failure becomes a retryable DatabricksApiError (status null); the caller's own abort
 * is rethrown as is.
 */
export async function sendOnce(wire: WireRequest): Promise<WireResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, wire.timeoutMs);
  const onAbort = () => controller.abort(wire.signal?.reason);
  wire.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await request(wire.url, {
      method: wire.method as Dispatcher.HttpMethod,
      headers: wire.headers,
      body: wire.body,
      signal: controller.signal,
      ...(wire.dispatcher ? { dispatcher: wire.dispatcher } : {}),
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text };
  } catch (error) {
    if (wire.signal?.aborted) throw wire.signal.reason;
    const common = { method: wire.method, path: wire.path, status: null, isRetryable: true } as const;
    if (timedOut) {
      throw new DatabricksApiError({
        ...common,
        errorCode: 'TIMEOUT',
        detail: `no complete response within ${wire.timeoutMs} ms`,
      });
    }
    const code = (error as { code?: unknown }).code;
    throw new DatabricksApiError({
      ...common,
      errorCode: 'NETWORK',
      detail: `${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}`,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    wire.signal?.removeEventListener('abort', onAbort);
  }
}
