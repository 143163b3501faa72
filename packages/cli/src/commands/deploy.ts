import path from 'node:path';
import { InputError } from '@em/core';
import type { DeployConfigInput, HttpRequest } from '@em/databricks-client';
import type { Command } from 'commander';
import { type CommonOptions, defineCommand } from '../common-options.js';
import type { CliContext } from '../context.js';
import { type Io, print, printJson } from '../io.js';

interface DeployOptions extends CommonOptions {
  dryRun?: boolean;
  runNow?: boolean;
  notebooks: string;
  workspaceDir?: string;
  jobName?: string;
  cron?: string;
  timezone?: string;
  email: string[];
  clusterId?: string;
  param: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function register(program: Command, { io }: CliContext): void {
  defineCommand(program, {
    name: 'deploy',
    description:
      'Upload notebooks/ to the Databricks workspace and create or update the daily em job (found by name); --run-now runs it and waits.',
    examples: [
      'em deploy --dry-run',
      'em deploy --param warehouse_id=abc123 --email data-team@example.com',
      'em deploy --run-now --json',
    ],
  })
    .option('--dry-run', 'print the exact requests deploy would send (method, path, body) and send none')
    .option('--run-now', 'run the job once after deploying and wait for its result state')
    .option('--notebooks <dir>', 'local folder of Databricks source notebooks', 'notebooks')
    .option('--workspace-dir <path>', 'workspace folder for the notebooks (default /Shared/em)')
    .option('--job-name <name>', 'the job to create or update (default "em - daily entity matching")')
    .option('--cron <quartz>', 'quartz cron schedule (default "0 0 2 * * ?": daily at 02:00)')
    .option('--timezone <id>', 'schedule time zone (default America/Los_Angeles)')
    .option('--email <address>', 'e-mail on failure (repeatable)', collect, [])
    .option('--cluster-id <id>', 'run on this cluster instead of serverless compute')
    .option(
      '--param <key=value>',
      'widget value for 05_run_em_job, e.g. warehouse_id=… (repeatable)',
      collect,
      [],
    )
    .addHelpText(
      'after',
      '\nNeeds DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET); --dry-run needs neither.\n',
    )
    .action(async (options: DeployOptions) => {
      const client = await import('@em/databricks-client');
      const config = deployConfig(options, io);
      if (!config.parameters?.warehouse_id) {
        io.stderr.write(
          'note: the job needs a SQL warehouse; pass --param warehouse_id=<id> (SQL Warehouses → Connection details).\n',
        );
      }
      if (options.dryRun) {
        const requests = client.planDeploy(config, { runNow: options.runNow ?? false });
        if (options.json)
          return printJson(io, { command: 'deploy', dryRun: true, requests: requests.map(wire) });
        return print(io, ...describePlan(requests, config));
      }
      const { http } = client.connectDatabricks({ env: io.env });
      const result = await client.deployJob(http, config, {
        runNow: options.runNow ?? false,
        onRequest: (r) => io.stderr.isTTY && io.stderr.write(`→ ${r.method} ${r.path}\n`),
      });
      if (options.json) return printJson(io, { command: 'deploy', dryRun: false, ...result });
      print(
        io,
        `Uploaded ${result.notebooks.length} notebooks to ${config.workspaceDir ?? '/Shared/em'}.`,
        `${result.created ? 'Created' : 'Updated'} job ${result.jobId} (${config.jobName ?? 'em - daily entity matching'}).`,
        ...(result.run
          ? [
              `Run ${result.run.runId} ended ${result.run.resultState}${result.run.runPageUrl ? `: ${result.run.runPageUrl}` : ''}.`,
            ]
          : []),
      );
    });
}

function deployConfig(options: DeployOptions, io: Io): DeployConfigInput {
  const parameters: Record<string, string> = {};
  for (const pair of options.param) {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new InputError(
        `--param ${JSON.stringify(pair)}: expected key=value, e.g. --param warehouse_id=abc123.`,
      );
    parameters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return {
    notebooksDir: path.resolve(io.cwd, options.notebooks),
    emails: options.email,
    parameters,
    ...(options.workspaceDir ? { workspaceDir: options.workspaceDir } : {}),
    ...(options.jobName ? { jobName: options.jobName } : {}),
    ...(options.cron ? { cron: options.cron } : {}),
    ...(options.timezone ? { timezone: options.timezone } : {}),
    ...(options.clusterId ? { clusterId: options.clusterId } : {}),
  };
}

/** A request as sent: method, path with query string, JSON body. */
function wire(request: HttpRequest) {
  const query = Object.entries(request.query ?? {}).filter(([, v]) => v !== undefined) as [string, string][];
  const search =
    query.length > 0
      ? `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)]))}`
      : '';
  return {
    method: request.method,
    path: `${request.path}${search}`,
    ...(request.body === undefined ? {} : { body: request.body }),
  };
}

/** The plan for people: notebook contents shortened to their size (--json prints them whole). */
function describePlan(requests: readonly HttpRequest[], config: DeployConfigInput): string[] {
  const lines = ['Dry run: em deploy would send these requests to $DATABRICKS_HOST (nothing was sent).', ''];
  for (const request of requests) {
    const { method, path: target, body } = wire(request);
    const upload = body as { path?: string; content?: string } | undefined;
    const shown =
      upload?.content === undefined
        ? body
        : {
            ...upload,
            content: `<base64 of ${upload.path?.split('/').at(-1)}.py, ${Buffer.from(upload.content, 'base64').length} bytes>`,
          };
    let heading = `${method} ${target}`;
    if (target === '/api/2.1/jobs/create')
      heading += `   (when a job named "${config.jobName ?? 'em - daily entity matching'}" exists: POST /api/2.1/jobs/reset { job_id, new_settings: <this body> })`;
    if (target === '/api/2.1/jobs/run-now')
      heading += '   (then GET /api/2.1/jobs/runs/get?run_id=… until the run ends)';
    lines.push(heading, ...(shown === undefined ? [] : [JSON.stringify(shown, null, 2)]), '');
  }
  return lines;
}
