import path from 'node:path';
import { InputError } from '@em/core';
import type { Command } from 'commander';
import { readCascadeConfig } from '../cascade-settings.js';
import { type CommonOptions, defineCommand } from '../common-options.js';
import type { CliContext } from '../context.js';
import { print, printJson } from '../io.js';

interface DeployOptions extends CommonOptions {
  target?: string;
  config?: string;
  var: string[];
  bundleDir: string;
  dryRun?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseVars(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`--var ${pair}: expected name=value, e.g. --var warehouse_id=abc123.`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export function register(program: Command, { io }: CliContext): void {
  defineCommand(program, {
    name: 'deploy',
    description:
      'Deploy em to Databricks as an Asset Bundle: render the cascade SQL for the target from your config into cascade/<target>/, then run `databricks bundle deploy -t <target>` (or print it when the Databricks CLI is not installed).',
    examples: [
      'em deploy --dry-run',
      'em deploy -t prod --config cascade.json --var warehouse_id=abc123 --var service_principal=…',
      'em deploy -t dev --json',
    ],
  })
    .option('-t, --target <name>', 'bundle target in databricks.yml (default: the one marked default)')
    .option('--config <file>', 'cascade settings as JSON (thresholds, topK, prices, llm), as for em run')
    .option(
      '--var <name=value>',
      'bundle variable for this deploy (repeatable), passed on to the CLI',
      collect,
      [],
    )
    .option('--bundle-dir <dir>', 'folder holding databricks.yml', '.')
    .option(
      '--dry-run',
      'print the rendered files and the deploy command; write and send nothing, no credentials needed',
    )
    .addHelpText(
      'after',
      '\nThe bundle (databricks.yml, resources/) holds the daily job, the setup job, the alerts and the dashboard.\nThe Databricks CLI signs in as usual: DATABRICKS_HOST with DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID/SECRET, or a ~/.databrickscfg profile (DATABRICKS_CONFIG_PROFILE).\n',
    )
    .action(async (options: DeployOptions) => {
      const client = await import('@em/databricks-client');
      const config = await readCascadeConfig(options.config, io.cwd);
      const overrides = parseVars(options.var);
      const root = path.resolve(io.cwd, options.bundleDir);
      const bundle = client.readBundleTarget(root, { target: options.target, overrides, env: io.env });
      const plan = client.planBundleDeploy(bundle, config, overrides);
      const command = plan.command.join(' ');
      if (options.dryRun) {
        if (options.json)
          return printJson(io, {
            command: 'deploy',
            dryRun: true,
            target: plan.target,
            deployCommand: plan.command,
            files: plan.files,
          });
        return print(
          io,
          ...plan.files.flatMap((f) => [`==> ${f.path}`, f.text.trimEnd(), '']),
          `Dry run: would write ${plan.files.length} files to ${path.join(options.bundleDir, 'cascade', plan.target)} and run:`,
          `  ${command}`,
        );
      }
      client.writeBundleFiles(root, plan);
      const cli = client.databricksCliAvailable(io.env);
      if (cli) {
        if (!options.json) io.stderr.write(`Wrote ${plan.files.length} files; running ${command}\n`);
        await client.runBundleDeploy(root, plan, io.env);
      }
      if (options.json)
        return printJson(io, {
          command: 'deploy',
          dryRun: false,
          target: plan.target,
          deployed: cli,
          deployCommand: plan.command,
          files: plan.files.map((f) => f.path),
        });
      print(
        io,
        `Rendered ${plan.files.length} cascade steps into ${path.join(options.bundleDir, 'cascade', plan.target)}.`,
        cli
          ? `Deployed target ${plan.target}. Run it now with: databricks bundle run em_daily -t ${plan.target}`
          : `The Databricks CLI is not on PATH; install it (docs.databricks.com/dev-tools/cli/install) and run:\n  ${command}`,
      );
    });
}
