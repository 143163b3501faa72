import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCascadeConfig } from '@em/core';
import { LocalEngine } from '@em/local';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAccessPolicy,
  createConsoleApp,
  DuckDbConsoleStore,
  MatchService,
  startConsole,
} from '../src/index.js';
import { buildConsoleDb } from './console-db.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TOKEN = 'test-token-0123456789';
let dbPath: string;
let queueCase: { source_id: string; source_system: string };

beforeAll(async () => {
  dbPath = await buildConsoleDb();
  const engine = await LocalEngine.open({ dbPath });
  const [item] = await engine.reviewQueue({ limit: 1 });
  queueCase = { source_id: item!.source_id, source_system: item!.source_system };
  // A hostile value in the data: it must come back escaped in every page.
  await engine.query(`UPDATE bronze.source_entities SET company_name = $1 WHERE source_id = $2`, [
    '<script>alert(1)</script> & "Co"',
    item!.source_id,
  ]);
  await engine.close();
});

function appFor(mode: 'local' | 'token' | 'databricks-app') {
  const store = new DuckDbConsoleStore(dbPath);
  const config = parseCascadeConfig({});
  const policy = createAccessPolicy({ mode, token: mode === 'token' ? TOKEN : null, localUser: 'ann' });
  return {
    app: createConsoleApp({ store, policy, config, matcher: new MatchService(store, config) }),
    policy,
  };
}

const caseUrl = (k = queueCase) =>
  `/case/${encodeURIComponent(k.source_system)}/${encodeURIComponent(k.source_id)}`;
const goldCount = async () => {
  const engine = await LocalEngine.open({ dbPath, access: 'read' });
  const [row] = await engine.query<{ n: number; d: number }>(
    `SELECT (SELECT count(*) FROM gold.matched_entities) AS n, (SELECT count(*) FROM gold.review_decisions) AS d`,
  );
  await engine.close();
  return row!;
};

describe('a non-local bind', () => {
  it('refuses every request without the token, and takes the bearer token or a login', async () => {
    const server = await startConsole({ dbPath, host: '0.0.0.0', port: 0, token: TOKEN, env: {} });
    try {
      expect(server.mode).toBe('token');
      const base = server.url.replace('localhost', '127.0.0.1');
      const api = await fetch(`${base}/v1/review/queue`);
      expect(api.status).toBe(401);
      expect(await api.text()).not.toContain(TOKEN);
      const page = await fetch(`${base}/queue`, { redirect: 'manual' });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toMatch(/^\/login/);
      expect((await fetch(`${base}/openapi.json`)).status).toBe(401);
      const wrong = await fetch(`${base}/v1/review/queue`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${base}/v1/review/queue?limit=2`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(right.status).toBe(200);
      const badLogin = await fetch(`${base}/login`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'eve', token: 'guess', next: '/queue' }),
        redirect: 'manual',
      });
      expect(badLogin.status).toBe(401);
      const login = await fetch(`${base}/login`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'bob', token: TOKEN, next: '/queue' }),
        redirect: 'manual',
      });
      expect(login.status).toBe(303);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      expect(cookie).not.toContain(TOKEN);
      const queue = await fetch(`${base}/queue`, { headers: { cookie } });
      expect(queue.status).toBe(200);
      const text = await queue.text();
      expect(text).toContain('bob');
      expect(text).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });

  it('generates a token when none is given (printed once by em serve)', async () => {
    const server = await startConsole({ dbPath, host: '0.0.0.0', port: 0, env: {} });
    await server.close();
    expect(server.generatedToken).toMatch(/^[\w-]{20,}$/);
  });
});

describe('page writes and the API', () => {
  it('refuses a page write without the CSRF token and writes nothing', async () => {
    const { app } = appFor('local');
    const before = await goldCount();
    const res = await app.request(`${caseUrl()}/decide`, {
      method: 'POST',
      body: new URLSearchParams({ ciq_id: '' }),
    });
    expect(res.status).toBe(403);
    expect(await goldCount()).toEqual(before);
  });

  it('answers malformed JSON, schema errors, wrong types and oversized bodies with a clear 4xx', async () => {
    const { app } = appFor('local');
    const post = (body: string, type = 'application/json') =>
      app.request('/v1/match', { method: 'POST', body, headers: { 'content-type': type } });
    const broken = await post('{"record": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toMatch(/not valid JSON/);
    const invalid = await post(JSON.stringify({ record: { company_name: 7 } }));
    expect(invalid.status).toBe(400);
    const issues = ((await invalid.json()) as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toContain('record.company_name');
    const both = await post(JSON.stringify({}));
    expect(((await both.json()) as { issues: { message: string }[] }).issues[0]!.message).toMatch(
      /exactly one/,
    );
    expect((await post('{}', 'text/plain')).status).toBe(415);
    const huge = await post(JSON.stringify({ records: [{ company_name: 'x'.repeat(3 * 1024 * 1024) }] }));
    expect(huge.status).toBe(413);
  });

  it('escapes data in pages and never shows the token', async () => {
    const { app } = appFor('token');
    const headers = { authorization: `Bearer ${TOKEN}` };
    for (const url of ['/queue', caseUrl(), '/audit', '/dashboard']) {
      const text = await (await app.request(url, { headers })).text();
      expect(text, url).not.toContain('<script>alert(1)');
      expect(text, url).not.toContain(TOKEN);
    }
    const page = await (await app.request(caseUrl(), { headers })).text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  });

  it('matches one record or a batch, writes nothing, and explains the score exactly', async () => {
    const { app } = appFor('local');
    const engine = await LocalEngine.open({ dbPath, access: 'read' });
    const [ref] = await engine.query<{ company_name: string; country: string; isin: string | null }>(
      `SELECT company_name, country, isin FROM bronze.reference_entities WHERE isin IS NULL ORDER BY ciq_id LIMIT 1`,
    );
    await engine.close();
    const before = await goldCount();
    const one = await app.request('/v1/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ record: { company_name: ref!.company_name, country: ref!.country } }),
    });
    expect(one.status).toBe(200);
    const body = (await one.json()) as {
      written: boolean;
      results: {
        source_system: string;
        candidates: unknown[];
        explanation: { bias: number; margin: number; contributions: { contribution: number }[] } | null;
      }[];
    };
    expect(body.written).toBe(false);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]!.source_system).toBe('api');
    const e = body.results[0]!.explanation!;
    expect(e.bias + e.contributions.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(e.margin, 9);
    const batch = await app.request('/v1/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        records: [{ company_name: 'Acme Holdings', source_id: 'x1' }, { company_name: ref!.company_name }],
        explain: false,
      }),
    });
    const results = ((await batch.json()) as { results: { source_id: string; explanation: unknown }[] })
      .results;
    expect(results.map((r) => r.source_id)).toEqual(['x1', 'request-2']);
    expect(results.every((r) => r.explanation === null)).toBe(true);
    expect(await goldCount()).toEqual(before);
  });

  it('decides as em run did on the same model and index (same cascade, stage 1 from memory)', async () => {
    const { app } = appFor('local');
    const engine = await LocalEngine.open({ dbPath, access: 'read' });
    const rows = await engine.query<Record<string, string | number | null>>(
      `SELECT s.source_id, s.source_system, s.company_name, s.ticker, s.lei, s.cusip, s.isin, s.country, s.industry,
              g.matched_ciq_id, g.match_confidence, g.match_method
       FROM bronze.source_entities s JOIN gold.matched_entities g USING (source_id, source_system)
       WHERE g.match_method <> 'human_review' AND s.source_id <> $1 ORDER BY hash(s.source_id) LIMIT 200`,
      [queueCase.source_id],
    );
    await engine.close();
    const records = rows.map(({ matched_ciq_id: _, match_confidence: __, match_method: ___, ...r }) => r);
    const res = await app.request('/v1/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ records, explain: false }),
    });
    const results = ((await res.json()) as { results: Record<string, unknown>[] }).results;
    expect(results.map((r) => [r.matched_ciq_id, r.match_method, r.match_confidence])).toEqual(
      rows.map((r) => [r.matched_ciq_id, r.match_method, r.match_confidence]),
    );
    expect(new Set(rows.map((r) => r.match_method)).size).toBeGreaterThan(1);
  });

  it('stores records only when asked: write: true ingests them and runs the cascade into gold', async () => {
    const { app } = appFor('local');
    const post = (body: unknown) =>
      app.request('/v1/match', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const keyless = await post({ records: [{ company_name: 'Acme Holdings' }], write: true });
    expect(keyless.status).toBe(400);
    expect(await keyless.text()).toMatch(/needs its source_id and source_system/);
    const before = await goldCount();
    const records = [
      { source_id: 'api-1', source_system: 'API', company_name: 'Acme Holdings', country: 'US' },
      {
        source_id: 'api-2',
        source_system: 'API',
        company_name: 'Bluewater Minerals Limited',
        country: 'Hong Kong',
      },
    ];
    const res = await post({ records, write: true, explain: false });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      written: boolean;
      stored: { loaded: number; quarantined: number; processed: number };
      results: { matched_ciq_id: string | null }[];
    };
    expect(body.written).toBe(true);
    expect(body.stored).toMatchObject({ loaded: 2, quarantined: 0, processed: 2 });
    expect((await goldCount()).n).toBe(before.n + 2);
    for (const [i, r] of records.entries()) {
      const gold = (await (await app.request(`/v1/gold/API/${r.source_id}`)).json()) as {
        matched_ciq_id: string | null;
      };
      expect(gold.matched_ciq_id).toBe(body.results[i]!.matched_ciq_id);
    }
  });

  it('serves an OpenAPI document generated from the zod schemas', async () => {
    const { app } = appFor('local');
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/match', '/v1/gold/{system}/{id}']));
    expect(Object.keys(doc.components.schemas.MatchRequest!.properties!)).toEqual(
      expect.arrayContaining(['record', 'records', 'explain']),
    );
    expect(doc.components.schemas.DecideRequest!.properties).toHaveProperty('ciq_id');
  });
});

describe('as a Databricks App', () => {
  it('records the identity the Apps proxy forwards, and refuses requests without one', async () => {
    const { app } = appFor('databricks-app');
    expect((await app.request('/v1/review/queue')).status).toBe(401);
    const decided = await app.request(`/v1${caseUrl().replace('/case/', '/review/')}/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-email': 'ann@example.com' },
      body: JSON.stringify({ ciq_id: null, note: 'not in the reference' }),
    });
    expect(decided.status).toBe(200);
    expect(((await decided.json()) as { decided_by: string }).decided_by).toBe('ann@example.com');
    const undone = await app.request(`/v1${caseUrl().replace('/case/', '/review/')}/undo`, {
      method: 'POST',
      headers: { 'x-forwarded-email': 'ann@example.com' },
    });
    expect(((await undone.json()) as { undoes: string | null }).undoes).toBeTruthy();
  });
});

describe('beside em run', () => {
  it('keeps no lock between requests: em run --full succeeds while the console is being used', async () => {
    const server = await startConsole({ dbPath, port: 0, env: {} });
    const statuses: number[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        const res = await fetch(`${server.url}/queue`);
        statuses.push(res.status);
        if (res.status !== 200 && res.status !== 503)
          console.error(`console answered ${res.status}: ${(await res.text()).slice(0, 2000)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    let stderr = '';
    const exit = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '--conditions=@em/source',
          'packages/cli/src/bin.ts',
          'run',
          '--full',
          '--wait',
          '30',
          '--db',
          dbPath,
        ],
        { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('exit', resolve);
    });
    running = false;
    await load;
    const after = await fetch(`${server.url}/queue`);
    await server.close();
    expect(exit, stderr.slice(-2000)).toBe(0);
    expect(statuses.length).toBeGreaterThan(3);
    // While the run holds the write lock a page may answer 503 (it retries itself); nothing else.
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(200);
    expect(after.status).toBe(200);
  });
});
