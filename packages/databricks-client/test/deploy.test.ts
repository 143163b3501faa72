import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@em/cli';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeployConfig, deployJob, jobSettings, planDeploy, readNotebooks } from '../src/index.js';
import { engineFor } from './support/engine-harness.js';
import { FakeWorkspace, PAT } from './support/fake-workspace.js';

const NOTEBOOKS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../notebooks');
const config = {
  notebooksDir: NOTEBOOKS,
  emails: ['data-team@example.com'],
  parameters: { warehouse_id: 'wh-1' },
};

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

describe('planDeploy', () => {
  it('uploads every notebook as SOURCE/PYTHON with overwrite, then looks the job up by name and creates it', () => {
    const plan = planDeploy(config);
    expect(plan.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/2.0/workspace/mkdirs',
      ...Array(6).fill('POST /api/2.0/workspace/import'),
      'GET /api/2.1/jobs/list',
      'POST /api/2.1/jobs/create',
    ]);
    const first = plan[1]!.body as Record<string, string>;
    expect(first).toMatchObject({
      path: '/Shared/em/01_build_training_pairs',
      format: 'SOURCE',
      language: 'PYTHON',
      overwrite: true,
    });
    expect(Buffer.from(first.content!, 'base64').toString('utf8')).toBe(readNotebooks(NOTEBOOKS)[0]!.source);
    expect(plan.at(-1)!.body).toEqual(jobSettings(DeployConfig.parse(config)));
  });

  it("writes the guide's schedule: quartz cron daily at 02:00, a time zone, one run at a time, failure e-mails", () => {
    expect(jobSettings(DeployConfig.parse(config))).toMatchObject({
      name: 'em - daily entity matching',
      schedule: {
        quartz_cron_expression: '0 0 2 * * ?',
        timezone_id: 'America/Los_Angeles',
        pause_status: 'UNPAUSED',
      },
      max_concurrent_runs: 1,
      email_notifications: { on_failure: ['data-team@example.com'] },
      tasks: [
        {
          task_key: 'em_match',
          notebook_task: {
            notebook_path: '/Shared/em/05_run_em_job',
            base_parameters: { warehouse_id: 'wh-1' },
          },
        },
      ],
    });
    expect(() => DeployConfig.parse({ ...config, emails: ['not-an-address'] })).toThrow();
  });
});

describe('deployJob against the workspace', () => {
  it('creates the job once and resets the same job on the next deploy (no duplicates)', async () => {
    const http = engineFor(ws).connection.http;
    const first = await deployJob(http, config);
    const second = await deployJob(http, { ...config, cron: '0 30 3 * * ?' });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.jobId).toBe(first.jobId);
    expect(ws.jobs.size).toBe(1);
    expect(ws.server.calls('POST', /jobs\/create$/)).toHaveLength(1);
    expect(ws.server.calls('POST', /jobs\/reset$/)[0]!.body).toMatchObject({
      job_id: first.jobId,
      new_settings: { schedule: { quartz_cron_expression: '0 30 3 * * ?' } },
    });
    expect(ws.files.get('/Shared/em/05_run_em_job')).toBe(readNotebooks(NOTEBOOKS)[4]!.source);
  });

  it('refuses to pick between two jobs of the same name', async () => {
    ws.jobs.set(1, { name: 'em - daily entity matching' });
    ws.jobs.set(2, { name: 'em - daily entity matching' });
    await expect(deployJob(engineFor(ws).connection.http, config)).rejects.toThrow(
      /2 jobs are named "em - daily entity matching" \(ids 1, 2\)/,
    );
  });

  it('--run-now runs the job and waits for its result state', async () => {
    ws.server.once('GET', /jobs\/runs\/get$/, { body: { state: { life_cycle_state: 'RUNNING' } } });
    const result = await deployJob(engineFor(ws).connection.http, config, { runNow: true, pollMs: 1000 });
    expect(result.run).toMatchObject({
      runId: 92831774502,
      lifeCycleState: 'TERMINATED',
      resultState: 'SUCCESS',
    });
    expect(ws.server.calls('GET', /jobs\/runs\/get$/)).toHaveLength(2);
    ws.server.once('GET', /jobs\/runs\/get$/, {
      body: {
        state: {
          life_cycle_state: 'TERMINATED',
          result_state: 'FAILED',
          state_message: 'Task em_match failed',
        },
        run_page_url: 'https://x/run/1',
      },
    });
    await expect(deployJob(engineFor(ws).connection.http, config, { runNow: true })).rejects.toThrow(
      /ended TERMINATED\/FAILED: Task em_match failed \(see https:\/\/x\/run\/1\)/,
    );
  });
});

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
    expect(cli.err()).toMatch(/^em: Databricks host is missing\. Pass `host`, set DATABRICKS_HOST/m);
  });
});
