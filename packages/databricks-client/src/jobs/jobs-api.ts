import { EmError } from '@em/core';
import type { DatabricksHttp } from '../http/databricks-http.js';
import { waitFor } from '../http/wait-for.js';

interface JobsListReply {
  readonly jobs?: readonly { readonly job_id: number; readonly settings?: { readonly name?: string } }[];
  readonly has_more?: boolean;
  readonly next_page_token?: string;
}

/**
 * Every job with this name (`GET /api/2.1/jobs/list?name=…`, all pages). The server matches the
 * name case-insensitively, so em does too: a job stored as "EM - Daily" is the job "em - daily".
 */
export async function findJobsByName(http: DatabricksHttp, name: string): Promise<number[]> {
  const ids: number[] = [];
  let pageToken: string | undefined;
  do {
    const reply = await http.call<JobsListReply>({
      method: 'GET',
      path: '/api/2.1/jobs/list',
      query: { name, limit: 100, page_token: pageToken },
    });
    const wanted = name.toLowerCase();
    for (const job of reply.jobs ?? [])
      if ((job.settings?.name ?? '').toLowerCase() === wanted) ids.push(job.job_id);
    pageToken = reply.has_more ? reply.next_page_token : undefined;
  } while (pageToken);
  return ids;
}

export interface RunResult {
  readonly runId: number;
  readonly lifeCycleState: string;
  readonly resultState: string | null;
  readonly stateMessage: string;
  readonly runPageUrl: string | null;
}

interface RunReply {
  readonly state?: {
    readonly life_cycle_state?: string;
    readonly result_state?: string;
    readonly state_message?: string;
  };
  readonly run_page_url?: string;
}

const ENDED = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR']);

/** Poll `GET /api/2.1/jobs/runs/get` until the run ends; throws unless it ended in SUCCESS. */
export async function waitForRun(
  http: DatabricksHttp,
  runId: number,
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<RunResult> {
  const result = await waitFor(
    http.runtime,
    async () => {
      const run = await http.call<RunReply>({
        method: 'GET',
        path: '/api/2.1/jobs/runs/get',
        query: { run_id: runId },
      });
      const state = run.state?.life_cycle_state ?? 'UNKNOWN';
      if (!ENDED.has(state)) return undefined;
      return {
        runId,
        lifeCycleState: state,
        resultState: run.state?.result_state ?? null,
        stateMessage: run.state?.state_message ?? '',
        runPageUrl: run.run_page_url ?? null,
      };
    },
    {
      what: `job run ${runId} to finish`,
      intervalMs: options.pollMs ?? 20_000,
      timeoutMs: options.timeoutMs ?? 6 * 3_600_000,
    },
  );
  if (result.resultState !== 'SUCCESS') {
    throw new EmError(
      `Job run ${runId} ended ${result.lifeCycleState}/${result.resultState ?? 'no result'}: ${result.stateMessage || 'no message'}${result.runPageUrl ? ` (see ${result.runPageUrl})` : ''}.`,
    );
  }
  return result;
}
