import { InputError } from '@em/core';
import { loadProfile } from './config-file.js';
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
  /** A ~/.databrickscfg profile (env DATABRICKS_CONFIG_PROFILE). */
  readonly profile?: string;
  /** The config file (env DATABRICKS_CONFIG_FILE; default ~/.databrickscfg). */
  readonly configFile?: string;
  /** `pat` or `oauth-m2m`: which method wins when both are configured (env DATABRICKS_AUTH_TYPE). */
  readonly authType?: string;
  /** The environment to read DATABRICKS_* from; the caller passes it (the CLI: its io.env). Default: none. */
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

/** Auth methods as the official SDKs name them in "more than one authorization method" errors. */
type AuthMethod = 'pat' | 'oauth';

interface Attributes {
  host?: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
  authType?: string;
}

const ATTRIBUTE_SOURCES: readonly (readonly [keyof Attributes, string, string])[] = [
  ['host', 'DATABRICKS_HOST', 'host'],
  ['token', 'DATABRICKS_TOKEN', 'token'],
  ['clientId', 'DATABRICKS_CLIENT_ID', 'client_id'],
  ['clientSecret', 'DATABRICKS_CLIENT_SECRET', 'client_secret'],
  ['authType', 'DATABRICKS_AUTH_TYPE', 'auth_type'],
];

/**
 * Databricks unified auth, resolved as the official SDKs do (databricks-sdk-py
 * `databricks/sdk/config.py`: constructor arguments, then `DATABRICKS_*` environment variables,
 * then a `~/.databrickscfg` profile, an earlier value never overwritten by a later one). The file
 * is read when a profile is named (`profile` / DATABRICKS_CONFIG_PROFILE) or when neither a host
 * nor any credential is configured yet; DATABRICKS_CONFIG_FILE moves it. Two methods at once (a
 * token and a client id/secret) is an error unless `authType` / DATABRICKS_AUTH_TYPE picks one,
 * as in `Config._validate`. Throws InputError naming what is missing; never echoes a secret.
 */
export function resolveDatabricksAuth(options: DatabricksAuthOptions = {}): ResolvedAuth {
  const env = options.env ?? {};
  const attrs: Attributes = {};
  const origin: Partial<Record<keyof Attributes, string>> = {};
  const set = (key: keyof Attributes, value: string | undefined, from: string) => {
    const v = given(value);
    if (v !== undefined && attrs[key] === undefined) {
      attrs[key] = v;
      origin[key] = from;
    }
  };
  set('host', options.host, 'the host option');
  set('token', options.token, 'the token option');
  set('clientId', options.clientId, 'the clientId option');
  set('clientSecret', options.clientSecret, 'the clientSecret option');
  set('authType', options.authType, 'the authType option');
  for (const [key, variable] of ATTRIBUTE_SOURCES) set(key, env[variable], variable);
  const profileName = given(options.profile) ?? given(env.DATABRICKS_CONFIG_PROFILE);
  const anyAuth =
    attrs.token !== undefined || attrs.clientId !== undefined || attrs.clientSecret !== undefined;
  if (profileName !== undefined || !(anyAuth || attrs.host !== undefined)) {
    const profile = loadProfile({
      configFile: given(options.configFile) ?? given(env.DATABRICKS_CONFIG_FILE),
      profile: profileName,
      ...(env.HOME ? { home: env.HOME } : {}),
    });
    if (profile) {
      for (const [key, , field] of ATTRIBUTE_SOURCES)
        set(key, profile.values[field], `profile [${profile.name}] in ${profile.path}`);
    }
  }
  if (!attrs.host) {
    throw new InputError(
      'Databricks host is missing. Pass `host`, set DATABRICKS_HOST (e.g. `export DATABRICKS_HOST=https://dbc-1234abcd.cloud.databricks.com`), or name a ~/.databrickscfg profile with DATABRICKS_CONFIG_PROFILE.',
    );
  }
  const host = normalizeHost(attrs.host);
  const methods = new Set<AuthMethod>();
  if (attrs.token) methods.add('pat');
  if (attrs.clientId || attrs.clientSecret) methods.add('oauth');
  const authType = attrs.authType?.toLowerCase();
  if (methods.size > 1 && authType === undefined) {
    const where = (['token', 'clientId', 'clientSecret'] as const)
      .filter((k) => attrs[k] !== undefined)
      .map(
        (k) =>
          `${k === 'token' ? 'token' : k === 'clientId' ? 'client id' : 'client secret'} from ${origin[k]}`,
      )
      .join(', ');
    throw new InputError(
      `validate: more than one authorization method configured: oauth and pat (${where}). Unset one of them, or set DATABRICKS_AUTH_TYPE=pat or DATABRICKS_AUTH_TYPE=oauth-m2m to choose.`,
    );
  }
  if (authType !== undefined && authType !== 'pat' && authType !== 'oauth-m2m') {
    throw new InputError(
      `DATABRICKS_AUTH_TYPE=${attrs.authType} is not supported by em; use pat (a personal access token) or oauth-m2m (a service principal's client id and secret).`,
    );
  }
  if (authType !== 'oauth-m2m' && attrs.token)
    return { host, credentials: { kind: 'pat', token: attrs.token } };
  if (authType === 'pat') {
    throw new InputError('DATABRICKS_AUTH_TYPE=pat, but no token is configured: set DATABRICKS_TOKEN.');
  }
  const { clientId, clientSecret } = attrs;
  if (clientId && clientSecret) return { host, credentials: { kind: 'oauth-m2m', clientId, clientSecret } };
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
    'Databricks credentials are missing. Set DATABRICKS_TOKEN to a personal access token, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for a service principal (OAuth M2M), or name a ~/.databrickscfg profile with DATABRICKS_CONFIG_PROFILE; or pass `token` / `clientId` and `clientSecret`.',
  );
}
