import { z } from 'zod';

/** What `em deploy` sets up. Defaults follow the deployment guide (daily at 02:00, one run at a time). */
export const DeployConfig = z
  .object({
    /** Local folder of Databricks source notebooks (the repository's notebooks/). */
    notebooksDir: z.string().min(1),
    /** Workspace folder the notebooks go to. */
    workspaceDir: z.string().startsWith('/').default('/Shared/em'),
    jobName: z.string().min(1).default('em - daily entity matching'),
    /** The notebook the job runs (without .py). */
    entryNotebook: z.string().min(1).default('05_run_em_job'),
    cron: z.string().min(1).default('0 0 2 * * ?'),
    timezone: z.string().min(1).default('America/Los_Angeles'),
    /** Who gets an e-mail when a run fails. */
    emails: z.array(z.email()).default([]),
    /** Run on this all-purpose cluster; without it the job runs on serverless compute. */
    clusterId: z.string().min(1).optional(),
    /** Widget values for the entry notebook (catalog, warehouse_id, …). */
    parameters: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type DeployConfig = z.output<typeof DeployConfig>;
export type DeployConfigInput = z.input<typeof DeployConfig>;

/** Jobs API 2.1 job settings: one notebook task, quartz schedule, one concurrent run, failure e-mails. */
export function jobSettings(config: DeployConfig) {
  return {
    name: config.jobName,
    tasks: [
      {
        task_key: 'em_match',
        description:
          'em cascade: exact identifiers, Vector Search, Ditto on Model Serving, Foundation Model; MERGE into gold',
        notebook_task: {
          notebook_path: `${config.workspaceDir}/${config.entryNotebook}`,
          base_parameters: config.parameters,
          source: 'WORKSPACE',
        },
        ...(config.clusterId ? { existing_cluster_id: config.clusterId } : {}),
        max_retries: 0,
      },
    ],
    schedule: { quartz_cron_expression: config.cron, timezone_id: config.timezone, pause_status: 'UNPAUSED' },
    email_notifications: { on_failure: config.emails },
    max_concurrent_runs: 1,
    tags: { managed_by: 'em' },
  };
}
export type JobSettings = ReturnType<typeof jobSettings>;
