import { existsSync } from 'node:fs';
import { InputError } from '@em/core';
import type { Command } from 'commander';
import { readCascadeConfig } from '../cascade-settings.js';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { print, printJson } from '../io.js';
import { parsePort } from '../option-parsers.js';

interface ServeOptions extends CommonOptions {
  port: number;
  host: string;
  config?: string;
}

export function register(program: Command, { io }: CliContext): void {
  defineCommand(program, {
    name: 'serve',
    description:
      'Web console: the review queue and case pages, the monitoring dashboard with alerts, and the match API (/v1, /openapi.json).',
    examples: [
      'em serve',
      'em serve --port 9000 --config cascade.json',
      'EM_SERVE_TOKEN=… em serve --host 0.0.0.0',
    ],
  })
    .option('--port <n>', 'port to listen on (0: any free one)', parsePort, 8787)
    .option('--host <address>', 'address to bind; anything but loopback requires the token', '127.0.0.1')
    .option('--config <file>', 'config file: alert rules (`alerts`) and cascade settings for /v1/match')
    .addHelpText(
      'after',
      '\nOn 127.0.0.1 no login is needed. On any other address every request needs the token: $EM_SERVE_TOKEN,\nor one generated and printed once at start. People sign in with it; API clients send `Authorization: Bearer <token>`.\nThe database is opened per request and never held between requests, so `em run --wait 30` can run beside\nthe server (it waits out a request in flight; the console leaves the file alone regularly while busy).\n',
    )
    .action(async (options: ServeOptions) => {
      const config = await readCascadeConfig(options.config, io.cwd);
      const db = resolveDb(options, io);
      if (!existsSync(db.path)) {
        throw new InputError(
          `${db.shown}: no such database. Create one with \`em init\` (or \`em demo --dir DIR\`).`,
        );
      }
      const { startConsole } = await import('@em/serve');
      const running = await startConsole({
        dbPath: db.path,
        host: options.host,
        port: options.port,
        config,
        env: io.env,
      });
      if (options.json) {
        printJson(io, {
          command: 'serve',
          db: db.path,
          url: running.url,
          mode: running.mode,
          token: running.generatedToken,
        });
      } else {
        print(
          io,
          `em console on ${running.url}  (database ${db.shown}; Ctrl-C stops it)`,
          running.mode === 'local'
            ? 'Bound to loopback: no login; page writes carry a CSRF token.'
            : running.generatedToken
              ? `Token (shown once; set EM_SERVE_TOKEN to choose your own): ${running.generatedToken}`
              : 'Every request needs the token in EM_SERVE_TOKEN.',
          `Review queue ${running.url}/queue · dashboard ${running.url}/dashboard · API ${running.url}/openapi.json`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await running.close();
    });
}
