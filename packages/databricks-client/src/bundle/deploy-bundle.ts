import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CascadeConfig, EmError } from '@em/core';
import type { BundleTarget } from './bundle-variables.js';
import { type RenderedFile, renderBundleFiles } from './render-bundle.js';

export interface BundleDeployPlan {
  readonly target: string;
  readonly files: readonly RenderedFile[];
  /** `databricks bundle deploy -t <target> [--var …]`, as an argv. */
  readonly command: readonly string[];
}

export function planBundleDeploy(
  bundle: BundleTarget,
  config: CascadeConfig,
  overrides: Readonly<Record<string, string>> = {},
): BundleDeployPlan {
  const vars = Object.entries(overrides).map(([k, v]) => `--var=${k}=${v}`);
  return {
    target: bundle.target,
    files: renderBundleFiles(bundle, config),
    command: ['databricks', 'bundle', 'deploy', '-t', bundle.target, ...vars],
  };
}

/** Write the rendered files, replacing what an earlier deploy rendered for this target. */
export function writeBundleFiles(root: string, plan: BundleDeployPlan): void {
  const dir = path.join(root, 'cascade', plan.target);
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) if (old.endsWith('.sql')) rmSync(path.join(dir, old));
  for (const file of plan.files) writeFileSync(path.join(root, file.path), file.text);
}

/** Is the Databricks CLI on PATH? */
export function databricksCliAvailable(env: NodeJS.ProcessEnv): boolean {
  const probe = spawnSync('databricks', ['--version'], { env, stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/** Run `databricks bundle deploy …` in the bundle root, its output passed through. */
export function runBundleDeploy(root: string, plan: BundleDeployPlan, env: NodeJS.ProcessEnv): Promise<void> {
  const [command, ...args] = plan.command;
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (cause) =>
      reject(new EmError(`Could not start the Databricks CLI (${command}): ${cause.message}`, { cause })),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new EmError(
              `\`${plan.command.join(' ')}\` exited with ${code}; its output above says why (run \`databricks bundle validate -t ${plan.target}\` to check the bundle).`,
            ),
          ),
    );
  });
}
