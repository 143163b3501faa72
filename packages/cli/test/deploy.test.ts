import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planDeploy } from '@em/databricks-client';
import { FakeWorkspace, PAT } from '@em/databricks-client/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';

const NOTEBOOKS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../notebooks');

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

describe('em deploy (CLI)', () => {
  const io = (env: Record<string, string> = {}) => {
    let out = '';
    let err = '';
    return {
      stdout: { write: (c: string) => (out += c), isTTY: false },
      stderr: { write: (c: string) => (err += c), isTTY: false },
      env,
      cwd: path.dirname(NOTEBOOKS),
      out: () => out,
      err: () => err,
    };
  };

  it('--dry-run prints the exact requests, sends nothing and shows no secret', async () => {
    const cli = io({ DATABRICKS_HOST: ws.url, DATABRICKS_TOKEN: PAT });
    expect(
      await runCli(['deploy', '--dry-run', '--param', 'warehouse_id=wh-1', '--email', 'ops@example.com'], {
        io: cli,
      }),
    ).toBe(0);
    const out = cli.out();
    expect(out).toContain('POST /api/2.0/workspace/mkdirs\n{\n  "path": "/Shared/em"\n}');
    expect(out).toMatch(
      /POST \/api\/2\.0\/workspace\/import\n\{\n {2}"path": "\/Shared\/em\/02_train_ditto",\n {2}"format": "SOURCE",\n {2}"language": "PYTHON",\n {2}"content": "<base64 of 02_train_ditto\.py, \d+ bytes>",\n {2}"overwrite": true\n\}/,
    );
    expect(out).toContain('GET /api/2.1/jobs/list?name=em+-+daily+entity+matching&limit=100');
    expect(out).toContain(
      'POST /api/2.1/jobs/create   (when a job named "em - daily entity matching" exists: POST /api/2.1/jobs/reset',
    );
    expect(out).toContain('"quartz_cron_expression": "0 0 2 * * ?"');
    expect(out).not.toContain(PAT);
    expect(ws.server.requests).toHaveLength(0);
  });

  it('--dry-run --json prints each request whole, bodies as sent', async () => {
    const cli = io();
    expect(await runCli(['deploy', '--dry-run', '--json', '--run-now'], { io: cli })).toBe(0);
    const { requests } = JSON.parse(cli.out());
    expect(requests).toEqual(
      planDeploy({ notebooksDir: NOTEBOOKS }, { runNow: true }).map((r) => ({
        method: r.method,
        path: r.query ? `${r.path}?name=em+-+daily+entity+matching&limit=100` : r.path,
        ...(r.body === undefined ? {} : { body: r.body }),
      })),
    );
  });

  it('deploys against the workspace: created on the first run, updated on the second', async () => {
    const env = { DATABRICKS_HOST: ws.url, DATABRICKS_TOKEN: PAT };
    const first = io(env);
    expect(await runCli(['deploy', '--param', 'warehouse_id=wh-1'], { io: first })).toBe(0);
    expect(first.out()).toMatch(
      /Uploaded 6 notebooks to \/Shared\/em\.\nCreated job 1000 \(em - daily entity matching\)\./,
    );
    const second = io(env);
    expect(await runCli(['deploy', '--json'], { io: second })).toBe(0);
    expect(JSON.parse(second.out())).toMatchObject({ command: 'deploy', created: false, jobId: 1000 });
    expect(ws.jobs.size).toBe(1);
  });

  it('says which variable is missing, with exit code 2', async () => {
    const cli = io({});
    expect(await runCli(['deploy'], { io: cli })).toBe(2);
    expect(cli.err()).toMatch(/^em: Databricks host is missing\. Pass `host` or set DATABRICKS_HOST/m);
  });
});
