import type { Dispatcher } from 'undici';
import { type DatabricksAuthOptions, resolveDatabricksAuth } from '../auth/credentials.js';
import { OAuthM2mTokenProvider, StaticTokenProvider, type TokenProvider } from '../auth/token-provider.js';
import { DatabricksHttp } from './databricks-http.js';
import type { HttpPolicyInput } from './retry-policy.js';
import { type Runtime, systemRuntime } from './runtime.js';

export interface DatabricksConnectionOptions extends DatabricksAuthOptions {
  /** Timeouts, retries and budget for every REST call (see HttpPolicy). */
  readonly http?: HttpPolicyInput;
  /** Clock, sleep and randomness (tests inject their own). */
  readonly runtime?: Runtime;
  readonly dispatcher?: Dispatcher;
}

/** The workspace connection every Databricks piece shares: resolved host, a token provider, one HTTP policy. */
export interface DatabricksConnection {
  readonly http: DatabricksHttp;
  readonly tokens: TokenProvider;
  readonly host: string;
}

export function connectDatabricks(options: DatabricksConnectionOptions = {}): DatabricksConnection {
  const { host, credentials } = resolveDatabricksAuth(options);
  const runtime = options.runtime ?? systemRuntime;
  const tokens: TokenProvider =
    credentials.kind === 'pat'
      ? new StaticTokenProvider(credentials.token)
      : new OAuthM2mTokenProvider({
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
          runtime,
          requestToken: (headers, form) =>
            http.call({
              method: 'POST',
              path: '/oidc/v1/token',
              headers,
              form,
              auth: false,
              idempotent: true,
            }),
        });
  const http: DatabricksHttp = new DatabricksHttp({
    host,
    tokens,
    runtime,
    ...(options.http ? { policy: options.http } : {}),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  return { http, tokens, host };
}
