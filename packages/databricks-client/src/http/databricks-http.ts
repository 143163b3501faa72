import { isRetryableStatus, mayRetry, redactSecrets, retryAfterMs, retryDelayMs } from '@em/core/transport';
import type { Dispatcher } from 'undici';
import type { TokenProvider } from '../auth/token-provider.js';
import { DatabricksApiError } from '../errors.js';
import { parseErrorBody } from './error-body.js';
import { HttpPolicy, type HttpPolicyInput } from './retry-policy.js';
import { type Runtime, systemRuntime } from './runtime.js';
import { sendOnce, type WireResponse } from './send-once.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  readonly method: HttpMethod;
  /** `/api/2.0/…` or `/serving-endpoints/…`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as application/x-www-form-urlencoded instead of `body`. */
  readonly form?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Send the bearer token (default true). */
  readonly auth?: boolean;
  /**
   * Safe to send twice. Default: true for GET/PUT/DELETE. Retries after a timeout, a network
   * error or a 5xx other than 503 happen only for idempotent requests; 429 and 503 (the request
   * was refused, not run) are retried for all.
   */
  readonly idempotent?: boolean;
  readonly timeoutMs?: number;
  /** Total time for this call, retries included (default: the policy's budgetMs). */
  readonly budgetMs?: number;
  readonly signal?: AbortSignal;
}

export interface DatabricksHttpOptions {
  readonly host: string;
  readonly tokens: TokenProvider | null;
  readonly policy?: HttpPolicyInput;
  readonly runtime?: Runtime;
  readonly dispatcher?: Dispatcher;
  readonly userAgent?: string;
}

/**
 * Every Databricks REST call goes through here: bearer auth (one token refresh after a 401),
 * per-attempt timeouts, retries with jittered exponential backoff on 408/429/5xx honouring
 * Retry-After, a total time budget, and typed errors that name the request but never a secret.
 */
export class DatabricksHttp {
  readonly host: string;
  readonly policy: HttpPolicy;
  readonly runtime: Runtime;

  constructor(private readonly options: DatabricksHttpOptions) {
    this.host = options.host;
    this.policy = HttpPolicy.parse(options.policy ?? {});
    this.runtime = options.runtime ?? systemRuntime;
  }

  async call<T = unknown>(req: HttpRequest): Promise<T> {
    const { policy, runtime } = this;
    const budgetMs = req.budgetMs ?? policy.budgetMs;
    const deadline = runtime.now() + budgetMs;
    const idempotent = req.idempotent ?? req.method !== 'POST';
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      let error: DatabricksApiError;
      let serverAskedMs: number | null = null;
      try {
        const timeoutMs = Math.max(1, Math.min(req.timeoutMs ?? policy.timeoutMs, deadline - runtime.now()));
        const res = await sendOnce({ ...(await this.wire(req)), timeoutMs });
        if (res.status >= 200 && res.status < 300) return this.parse<T>(req, res);
        if (isRejectedToken(res) && req.auth !== false && !refreshed && this.options.tokens?.invalidate()) {
          refreshed = true;
          attempt--;
          continue;
        }
        error = this.failure(req, res, attempt);
        serverAskedMs = retryAfterMs(res.headers, Date.now());
      } catch (caught) {
        if (!DatabricksApiError.isInstance(caught)) throw caught;
        error = caught;
      }
      if (!mayRetry(error, idempotent) || attempt >= policy.maxAttempts) {
        throw withAttempts(error, attempt);
      }
      const delay = retryDelayMs(policy, attempt, serverAskedMs, () => runtime.random());
      if (runtime.now() + delay >= deadline) {
        throw withAttempts(
          error,
          attempt,
          `; gave up: the next try (in ${Math.ceil(delay / 1000)} s) would pass the ${Math.round(budgetMs / 1000)} s budget`,
        );
      }
      await runtime.sleep(delay, req.signal);
    }
  }

  private async wire(req: HttpRequest) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? 'em-databricks-client/0.1.0',
      ...req.headers,
    };
    let body: string | undefined;
    if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form as Record<string, string>).toString();
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    if (req.auth !== false && this.options.tokens)
      headers.authorization = `Bearer ${await this.options.tokens.token()}`;
    return {
      url: `${this.host}${req.path}${queryString(req.query)}`,
      method: req.method,
      path: req.path,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(req.signal ? { signal: req.signal } : {}),
      ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
    };
  }

  private parse<T>(req: HttpRequest, res: WireResponse): T {
    if (res.text.trim() === '') return {} as T;
    try {
      return JSON.parse(res.text) as T;
    } catch (cause) {
      throw new DatabricksApiError({
        method: req.method,
        path: req.path,
        status: res.status,
        errorCode: 'MALFORMED_RESPONSE',
        detail: `the reply is not JSON (${res.text.length} bytes starting ${JSON.stringify(this.scrub(res.text.slice(0, 40)))})`,
        isRetryable: false,
        cause,
      });
    }
  }

  private failure(req: HttpRequest, res: WireResponse, attempt: number): DatabricksApiError {
    const { errorCode, message } = parseErrorBody(res.text);
    const hint =
      res.status === 401 || res.status === 403
        ? ` (${authHint(res.status, isRejectedToken(res), this.options.tokens?.kind ?? 'pat')})`
        : '';
    return new DatabricksApiError({
      method: req.method,
      path: req.path,
      status: res.status,
      errorCode,
      detail: this.scrub(message) + hint,
      isRetryable: isRetryableStatus(res.status),
      attempts: attempt,
    });
  }

  private scrub(text: string): string {
    return redactSecrets(text, this.options.tokens?.secrets() ?? []);
  }
}

/**
 * The token itself was refused: any 401, or a 403 whose message is "Invalid access token.", which
 * is how Databricks answers an expired, revoked or rotated token (a 403 about permissions has
 * another message and is not retried).
 */
function isRejectedToken(res: WireResponse): boolean {
  if (res.status === 401) return true;
  return res.status === 403 && /invalid access token/i.test(parseErrorBody(res.text).message);
}

function authHint(status: number, rejectedToken: boolean, kind: 'pat' | 'oauth-m2m'): string {
  if (!rejectedToken) return 'signed in, but not allowed: grant the principal access to this resource';
  if (kind === 'oauth-m2m') {
    return `the OAuth token was rejected${status === 403 ? ' as invalid' : ''} even after em fetched a fresh one: check that the service principal (DATABRICKS_CLIENT_ID) belongs to this workspace and its secret is current`;
  }
  return 'the token was rejected (expired, revoked or rotated?): create a new personal access token and set DATABRICKS_TOKEN or the token in your ~/.databrickscfg profile, or use DATABRICKS_CLIENT_ID/SECRET';
}

function queryString(query: HttpRequest['query']): string {
  if (!query) return '';
  const entries = Object.entries(query).filter(
    (e): e is [string, string | number | boolean] => e[1] !== undefined,
  );
  return entries.length === 0
    ? ''
    : `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}

function withAttempts(error: DatabricksApiError, attempts: number, note = ''): DatabricksApiError {
  if (attempts === error.attempts && note === '') return error;
  const { target, service: _, ...details } = error.details(attempts, note);
  return new DatabricksApiError({ ...details, path: target });
}
