import { GateFailedError } from '@em/cli-kit';
import { alertRules, evaluateAlerts } from '@em/core/alerts';
import type { Command } from 'commander';
import { readCascadeConfig } from '../cascade-settings.js';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';
import { renderTable } from '../output/table.js';

interface AlertsOptions extends CommonOptions {
  config?: string;
}

const MARK = { firing: 'FIRING', ok: 'ok', no_data: 'no data', disabled: 'off' } as const;

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(program, {
    engine: true,
    name: 'alerts',
    description:
      'Evaluate the monitoring alerts on the latest day (auto-match rate, review share, cost per entity, latency, failed runs); exit 3 when one fires.',
    examples: ['em alerts', 'em alerts --config cascade.json --json'],
  })
    .option('--config <file>', 'the config file whose `alerts` rules replace or add to the defaults')
    .action(async (options: AlertsOptions) => {
      const config = await readCascadeConfig(options.config, io.cwd);
      const db = resolveDb(options, io);
      const figures = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
        engine.monitoring(),
      );
      const states = evaluateAlerts(alertRules(config.alerts), figures.alertMetrics);
      const firing = states.filter((s) => s.status === 'firing');
      if (options.json) {
        printJson(io, {
          command: 'alerts',
          db: db.path,
          day: figures.alertMetrics.day,
          firing: firing.length,
          alerts: states,
        });
      } else {
        print(
          io,
          `Alerts on ${figures.alertMetrics.day ?? '(no matched rows yet)'}`,
          renderTable(states, [
            { label: 'state', value: (s) => MARK[s.status] },
            { label: 'rule', value: (s) => s.rule.id },
            { label: 'measured', value: (s) => s.message.replace(/^[^:]+: /, '') },
          ]),
        );
      }
      if (firing.length > 0) {
        throw new GateFailedError(
          `${firing.length} alert${firing.length === 1 ? '' : 's'} firing: ${firing.map((s) => s.rule.id).join(', ')}`,
        );
      }
    });
}
