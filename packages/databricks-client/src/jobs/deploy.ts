import { EmError } from '@em/core';
import type { DatabricksHttp, HttpRequest } from '../http/databricks-http.js';
import {
  createJobRequest,
  listJobsRequest,
  readNotebooks,
  resetJobRequest,
  runNowRequest,
  uploadRequests,
} from './deploy-plan.js';
import { DeployConfig, type DeployConfigInput } from './job-settings.js';
import { findJobsByName, type RunResult, waitForRun } from './jobs-api.js';

export interface DeployResult {
  readonly jobId: number;
  /** true: the job was created; false: an existing job of that name was reset to these settings. */
  readonly created: boolean;
  readonly notebooks: readonly string[];
  readonly run: RunResult | null;
}

export interface DeployOptions {
  readonly runNow?: boolean;
  /** Called before each request is sent (progress). */
  readonly onRequest?: (request: HttpRequest) => void;
  readonly pollMs?: number;
}

/** The requests `em deploy --dry-run` prints: uploads, the job lookup, then create (or reset when the job exists). */
export function planDeploy(input: DeployConfigInput, options: { runNow?: boolean } = {}): HttpRequest[] {
  const config = DeployConfig.parse(input);
  const plan = [
    ...uploadRequests(config, readNotebooks(config.notebooksDir)),
    listJobsRequest(config),
    createJobRequest(config),
  ];
  return options.runNow ? [...plan, runNowRequest('<job_id>')] : plan;
}

/**
 * Upload notebooks/ and create or update the daily job, found by name so a second deploy resets
 * the same job instead of adding one; with `runNow`, run it and wait for the result.
 */
export async function deployJob(
  http: DatabricksHttp,
  input: DeployConfigInput,
  options: DeployOptions = {},
): Promise<DeployResult> {
  const config = DeployConfig.parse(input);
  const notebooks = readNotebooks(config.notebooksDir);
  const send = <T>(request: HttpRequest) => {
    options.onRequest?.(request);
    return http.call<T>(request);
  };
  for (const request of uploadRequests(config, notebooks)) await send(request);
  options.onRequest?.(listJobsRequest(config));
  const existing = await findJobsByName(http, config.jobName);
  if (existing.length > 1) {
    throw new EmError(
      `${existing.length} jobs are named "${config.jobName}" (ids ${existing.join(', ')}); delete all but one in Workflows, then deploy again.`,
    );
  }
  let jobId: number;
  const created = existing.length === 0;
  if (created) {
    const reply = await send<{ job_id?: number }>(createJobRequest(config));
    if (typeof reply.job_id !== 'number')
      throw new EmError('Databricks jobs/create replied without a job_id.');
    jobId = reply.job_id;
  } else {
    jobId = existing[0]!;
    await send(resetJobRequest(config, jobId));
  }
  let run: RunResult | null = null;
  if (options.runNow) {
    const reply = await send<{ run_id?: number }>(runNowRequest(jobId));
    if (typeof reply.run_id !== 'number')
      throw new EmError('Databricks jobs/run-now replied without a run_id.');
    run = await waitForRun(
      http,
      reply.run_id,
      options.pollMs === undefined ? {} : { pollMs: options.pollMs },
    );
  }
  return { jobId, created, notebooks: notebooks.map((n) => n.name), run };
}
