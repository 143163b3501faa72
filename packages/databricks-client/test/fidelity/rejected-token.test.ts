// How a workspace answers a token it no longer accepts (expired early, revoked, rotated): HTTP 403
// with `{"error_code": "403", "message": "Invalid access token."}` (the fake's authed() route, see
// test/support/fake-workspace.ts; error_code is "int or string" per databricks-sdk-go
// apierr/errors.go). OAuth M2M must fetch a fresh token and retry once; a PAT cannot be refreshed,
// so the error must say to create a new one, not to "grant access".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabricks } from '../../src/index.js';
import { fakeRuntime } from '../../src/testing/fake-runtime.js';
import { CLIENT, FakeWorkspace } from '../../src/testing/fake-workspace.js';
import { rejection } from '../support/rejection.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start({ tokenLifetimeS: 3600 });
});
afterEach(() => ws.close());

const list = (conn: ReturnType<typeof connectDatabricks>) =>
  conn.http.call({ method: 'GET', path: '/api/2.1/jobs/list' });

describe('403 "Invalid access token."', () => {
  it('makes OAuth M2M fetch a new token and retry the request once', async () => {
    const conn = connectDatabricks({
      host: ws.url,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      env: {},
      runtime: fakeRuntime(),
    });
    await list(conn);
    ws.validTokens.delete('oauth-access-token-1'); // revoked server-side before its expiry
    await expect(list(conn)).resolves.toBeDefined();
    expect(ws.server.calls('POST', /oidc\/v1\/token/)).toHaveLength(2);
    const auth = ws.server.calls('GET', /jobs\/list/).map((r) => r.headers.authorization);
    expect(auth).toEqual([
      'Bearer oauth-access-token-1',
      'Bearer oauth-access-token-1',
      'Bearer oauth-access-token-2',
    ]);
  });

  it('with OAuth still rejected after the refresh, stops with a hint about the service principal', async () => {
    const conn = connectDatabricks({
      host: ws.url,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      env: {},
      runtime: fakeRuntime(),
    });
    ws.server.once(
      'GET',
      /jobs\/list/,
      ...Array.from({ length: 2 }, () => ({
        status: 403,
        body: { error_code: '403', message: 'Invalid access token.' },
      })),
    );
    const error = await rejection(list(conn));
    expect(error).toMatchObject({ status: 403, isRetryable: false });
    expect(error.message).toMatch(/service principal \(DATABRICKS_CLIENT_ID\) belongs to this workspace/);
    expect(ws.server.calls('POST', /oidc\/v1\/token/)).toHaveLength(2);
  });

  it('for a PAT says to create a new token, and a permission 403 still says to grant access', async () => {
    const conn = connectDatabricks({
      host: ws.url,
      token: 'dapi-rotated-away',
      env: {},
      runtime: fakeRuntime(),
    });
    const rejected = await rejection(list(conn));
    expect(rejected.message).toMatch(/Invalid access token.*create a new personal access token/);
    expect(rejected.message).not.toMatch(/grant/);
    ws.server.route('GET', /^\/api\/2\.0\/forbidden$/, () => ({
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'User does not have USE CATALOG on catalog main.' },
    }));
    const ok = connectDatabricks({
      host: ws.url,
      token: 'dapi-fake-pat-0123456789',
      env: {},
      runtime: fakeRuntime(),
    });
    const denied = await rejection(ok.http.call({ method: 'GET', path: '/api/2.0/forbidden' }));
    expect(denied.message).toMatch(/grant the principal access/);
  });

  it('reads the gateway HTML page of a 401 (no token sent) as its <pre> message', async () => {
    const conn = connectDatabricks({ host: ws.url, token: 'x', env: {}, runtime: fakeRuntime() });
    const error = await rejection(conn.http.call({ method: 'GET', path: '/api/2.1/jobs/list', auth: false }));
    expect(error).toMatchObject({ status: 401 });
    expect(error.message).toMatch(/Unauthorized/);
    expect(error.message).not.toMatch(/<html>/);
  });
});
