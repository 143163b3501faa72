import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@em/core';
import type { HttpRequest } from '../http/databricks-http.js';
import { type DeployConfig, jobSettings } from './job-settings.js';

export const NOTEBOOK_HEADER = '# Databricks notebook source';

export interface Notebook {
  /** Workspace name: the file name without .py. */
  readonly name: string;
  readonly file: string;
  readonly source: string;
}

/** Every `*.py` in the folder that starts with the Databricks source header, by name. */
export function readNotebooks(dir: string): Notebook[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.py'))
      .sort();
  } catch (cause) {
    throw new InputError(
      `Cannot read the notebooks folder ${dir}; pass --notebooks <dir> (the repository's notebooks/).`,
      { cause },
    );
  }
  const notebooks = names
    .map((name) => ({
      name: name.slice(0, -3),
      file: path.join(dir, name),
      source: readFileSync(path.join(dir, name), 'utf8'),
    }))
    .filter((n) => n.source.startsWith(NOTEBOOK_HEADER));
  if (notebooks.length === 0)
    throw new InputError(`${dir} holds no Databricks notebooks (*.py starting with "${NOTEBOOK_HEADER}").`);
  return notebooks;
}

/** The requests a deploy sends before it knows whether the job exists, in order. */
export function uploadRequests(config: DeployConfig, notebooks: readonly Notebook[]): HttpRequest[] {
  return [
    {
      method: 'POST',
      path: '/api/2.0/workspace/mkdirs',
      body: { path: config.workspaceDir },
      idempotent: true,
    },
    ...notebooks.map(
      (n): HttpRequest => ({
        method: 'POST',
        path: '/api/2.0/workspace/import',
        idempotent: true,
        body: {
          path: `${config.workspaceDir}/${n.name}`,
          format: 'SOURCE',
          language: 'PYTHON',
          content: Buffer.from(n.source, 'utf8').toString('base64'),
          overwrite: true,
        },
      }),
    ),
  ];
}

export const listJobsRequest = (config: DeployConfig): HttpRequest => ({
  method: 'GET',
  path: '/api/2.1/jobs/list',
  query: { name: config.jobName, limit: 100 },
});

export const createJobRequest = (config: DeployConfig): HttpRequest => ({
  method: 'POST',
  path: '/api/2.1/jobs/create',
  body: jobSettings(config),
});

export const resetJobRequest = (config: DeployConfig, jobId: number): HttpRequest => ({
  method: 'POST',
  path: '/api/2.1/jobs/reset',
  idempotent: true,
  body: { job_id: jobId, new_settings: jobSettings(config) },
});

/** `jobId` is a placeholder string in a dry-run plan, where the id is not known yet. */
export const runNowRequest = (jobId: number | string): HttpRequest => ({
  method: 'POST',
  path: '/api/2.1/jobs/run-now',
  body: { job_id: jobId },
});
