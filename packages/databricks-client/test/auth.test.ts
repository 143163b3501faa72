import { InputError } from '@em/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabricks, resolveDatabricksAuth } from '../src/index.js';
import { fakeRuntime } from '../src/testing/fake-runtime.js';
import { CLIENT, FakeWorkspace, PAT } from '../src/testing/fake-workspace.js';
import { rejection } from './support/rejection.js';

describe('resolveDatabricksAuth', () => {
  const message = (env: Record<string, string>) => {
    try {
      resolveDatabricksAuth({ env });
      return 'no error';
    } catch (error) {
      expect(InputError.isInstance(error)).toBe(true);
      return (error as Error).message;
    }
  };

  it('names the missing variable and how to set it', () => {
    expect(message({})).toMatch(/DATABRICKS_HOST.*export DATABRICKS_HOST=https:\/\//);
    expect(message({ DATABRICKS_HOST: 'dbc-1.cloud.databricks.com' })).toMatch(
      /DATABRICKS_TOKEN.*DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET/,
    );
    expect(message({ DATABRICKS_HOST: 'h', DATABRICKS_CLIENT_ID: 'id' })).toMatch(
      /^DATABRICKS_CLIENT_SECRET is missing/,
    );
    expect(message({ DATABRICKS_HOST: 'h', DATABRICKS_CLIENT_SECRET: 'shh-very-secret' })).toMatch(
      /^DATABRICKS_CLIENT_ID is missing/,
    );
    expect(message({ DATABRICKS_HOST: 'h', DATABRICKS_CLIENT_SECRET: 'shh-very-secret' })).not.toContain(
      'shh-very-secret',
    );
  });

  it('normalizes the host and lets options win over the environment', () => {
    expect(
      resolveDatabricksAuth({
        env: { DATABRICKS_HOST: 'dbc-1.cloud.databricks.com/', DATABRICKS_TOKEN: 'dapi1' },
      }),
    ).toEqual({
      host: 'https://dbc-1.cloud.databricks.com',
      credentials: { kind: 'pat', token: 'dapi1' },
    });
    expect(
      resolveDatabricksAuth({ env: {}, host: 'http://127.0.0.1:9', clientId: 'a', clientSecret: 'b' })
        .credentials,
    ).toEqual({
      kind: 'oauth-m2m',
      clientId: 'a',
      clientSecret: 'b',
    });
  });
});

describe('OAuth M2M against /oidc/v1/token', () => {
  let ws: FakeWorkspace;
  beforeEach(async () => {
    ws = await FakeWorkspace.start({ tokenLifetimeS: 3600 });
    ws.server.route('GET', /^\/api\/2\.0\/ping$/, (r) =>
      ws.validTokens.has(String(r.headers.authorization).slice(7))
        ? { body: { ok: 1 } }
        : { status: 401, body: {} },
    );
  });
  afterEach(() => ws.close());

  const oauth = () => {
    const runtime = fakeRuntime();
    return {
      runtime,
      conn: connectDatabricks({
        host: ws.url,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        env: {},
        runtime,
      }),
    };
  };
  const ping = (conn: ReturnType<typeof connectDatabricks>) =>
    conn.http.call({ method: 'GET', path: '/api/2.0/ping' });
  const tokenRequests = () => ws.server.calls('POST', /oidc\/v1\/token/);

  it('fetches one token with client credentials and scope all-apis, and reuses it', async () => {
    const { conn } = oauth();
    await Promise.all([ping(conn), ping(conn), ping(conn)]);
    await ping(conn);
    expect(tokenRequests()).toHaveLength(1);
    expect(new URLSearchParams(tokenRequests()[0]!.text).get('scope')).toBe('all-apis');
    expect(ws.server.calls('GET', /ping/).map((r) => r.headers.authorization)).toEqual(
      Array(4).fill('Bearer oauth-access-token-1'),
    );
  });

  it('renews the token before its hour ends', async () => {
    const { conn, runtime } = oauth();
    await ping(conn);
    runtime.advance(54 * 60_000);
    await ping(conn);
    expect(tokenRequests()).toHaveLength(1);
    runtime.advance(2 * 60_000); // 56 minutes: inside the 5-minute renewal margin
    await ping(conn);
    expect(tokenRequests()).toHaveLength(2);
    expect(ws.server.calls('GET', /ping/).at(-1)!.headers.authorization).toBe('Bearer oauth-access-token-2');
  });

  it('refreshes once after a 401 (token expired early) and retries the request', async () => {
    const { conn } = oauth();
    await ping(conn);
    ws.validTokens.delete('oauth-access-token-1');
    expect(await ping(conn)).toEqual({ ok: 1 });
    expect(tokenRequests()).toHaveLength(2);
  });

  it('fails with a hint and without any secret when credentials are wrong', async () => {
    const conn = connectDatabricks({
      host: ws.url,
      clientId: CLIENT.id,
      clientSecret: 'dose-WRONG-secret-987654',
      env: {},
      runtime: fakeRuntime(),
    });
    const error = await rejection(ping(conn));
    expect(error).toMatchObject({ name: 'DatabricksApiError', status: 401, path: '/oidc/v1/token' });
    for (const text of [error.message, JSON.stringify(error), String(error.stack)])
      expect(text).not.toContain('dose-WRONG-secret-987654');
  });
});

describe('tokens never appear in errors', () => {
  let ws: FakeWorkspace;
  beforeEach(async () => {
    ws = await FakeWorkspace.start();
  });
  afterEach(() => ws.close());

  it('a rejected PAT is not refreshed, and neither the message nor the JSON of the error holds it', async () => {
    const bad = 'dapi-rejected-token-5555';
    const conn = connectDatabricks({ host: ws.url, token: bad, env: {}, runtime: fakeRuntime() });
    const error = await rejection(conn.http.call({ method: 'GET', path: '/api/2.1/jobs/list' }));
    expect(error).toMatchObject({ status: 403, isRetryable: false });
    expect(error.message).toMatch(/Invalid access token.*create a new personal access token/);
    expect(ws.server.calls('GET', /jobs\/list/)).toHaveLength(1);
    for (const text of [error.message, JSON.stringify(error), String(error.stack)])
      expect(text).not.toContain(bad);
  });

  it('scrubs a token the server echoes back', async () => {
    ws.server.route('GET', /^\/api\/echo$/, (r) => ({
      status: 403,
      body: {
        error_code: 'PERMISSION_DENIED',
        message: `token ${String(r.headers.authorization).slice(7)} may not read this`,
      },
    }));
    const conn = connectDatabricks({ host: ws.url, token: PAT, env: {}, runtime: fakeRuntime() });
    const error = await rejection(conn.http.call({ method: 'GET', path: '/api/echo' }));
    expect(error.message).toContain('token [REDACTED] may not read this');
    expect(JSON.stringify(error)).not.toContain(PAT);
  });
});
