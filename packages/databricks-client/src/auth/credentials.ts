import { InputError } from '@em/core';
import { refusePlainHttpHost } from './plain-http-host.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where to find a workspace and how to sign in. Anything not given is read from the environment. */
export interface DatabricksAuthOptions {
  /** Workspace URL, e.g. https://dbc-1234.cloud.databricks.com (env DATABRICKS_HOST). */
  readonly host?: string;
  /** Personal access token (env DATABRICKS_TOKEN). */
  readonly token?: string;
  /** Service principal for OAuth M2M (env DATABRICKS_CLIENT_ID / DATABRICKS_CLIENT_SECRET). */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Default `process.env`. */
  readonly env?: Env;
}

export type DatabricksCredentials =
  | { readonly kind: 'pat'; readonly token: string }
  | { readonly kind: 'oauth-m2m'; readonly clientId: string; readonly clientSecret: string };

export interface ResolvedAuth {
  /** `https://host` without a trailing slash (http:// is kept for local test servers). */
  readonly host: string;
  readonly credentials: DatabricksCredentials;
}

const given = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** `dbc-1.cloud.databricks.com/` → `https://dbc-1.cloud.databricks.com`; plain http:// only for localhost. */
export function normalizeHost(host: string): string {
  const withScheme = /^https?:\/\//i.test(host) ? host : `https://${host}`;
  refusePlainHttpHost(withScheme); // a token must never travel in clear text
  return withScheme.replace(/\/+$/, '');
}

/**
 * Host and credentials from options, else the environment. A personal access token wins over
 * OAuth M2M when both are present (as in Databricks unified auth). Throws InputError naming the
 * missing variable and how to set it; never echoes a secret.
 */
export function resolveDatabricksAuth(options: DatabricksAuthOptions = {}): ResolvedAuth {
  const env = options.env ?? process.env;
  const host = given(options.host) ?? given(env.DATABRICKS_HOST);
  if (!host) {
    throw new InputError(
      'Databricks host is missing. Pass `host` or set DATABRICKS_HOST, e.g. `export DATABRICKS_HOST=https://dbc-1234abcd.cloud.databricks.com`.',
    );
  }
  const token = given(options.token) ?? given(env.DATABRICKS_TOKEN);
  if (token) return { host: normalizeHost(host), credentials: { kind: 'pat', token } };
  const clientId = given(options.clientId) ?? given(env.DATABRICKS_CLIENT_ID);
  const clientSecret = given(options.clientSecret) ?? given(env.DATABRICKS_CLIENT_SECRET);
  if (clientId && clientSecret) {
    return { host: normalizeHost(host), credentials: { kind: 'oauth-m2m', clientId, clientSecret } };
  }
  if (clientId) {
    throw new InputError(
      "DATABRICKS_CLIENT_SECRET is missing: DATABRICKS_CLIENT_ID is set, and OAuth M2M needs the service principal's secret too. Create one under Settings → Identity and access → Service principals → Secrets, then `export DATABRICKS_CLIENT_SECRET=…`.",
    );
  }
  if (clientSecret) {
    throw new InputError(
      "DATABRICKS_CLIENT_ID is missing: DATABRICKS_CLIENT_SECRET is set; OAuth M2M needs the service principal's application ID too (`export DATABRICKS_CLIENT_ID=…`).",
    );
  }
  throw new InputError(
    'Databricks credentials are missing. Set DATABRICKS_TOKEN to a personal access token, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for a service principal (OAuth M2M); or pass `token` / `clientId` and `clientSecret`.',
  );
}
