import { EXIT, type ExitCode, reportError, UsageError } from '@em/cli-kit';
import { Command, type CommanderError } from 'commander';
import { register as alerts } from './commands/alerts.js';
import { register as demo } from './commands/demo.js';
import { register as deploy } from './commands/deploy.js';
import { register as evaluate } from './commands/eval.js';
import { register as exportGold } from './commands/export.js';
import { register as indexReference } from './commands/index.js';
import { register as ingest } from './commands/ingest.js';
import { register as init } from './commands/init.js';
import { register as label } from './commands/label.js';
import { register as review } from './commands/review.js';
import { register as run } from './commands/run.js';
import { register as serve } from './commands/serve.js';
import { register as stats } from './commands/stats.js';
import { register as train } from './commands/train.js';
import type { CliContext } from './context.js';
import { type CommandInvocation, withCommandAccess } from './database-access.js';
import { openDatabricksEngine, openLocalEngine } from './engine.js';
import { processIo } from './io.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Every top-level command, in the order `em -h` lists them. Adding a command is one line here. */
export const COMMANDS: readonly RegisterCommand[] = [
  init,
  ingest,
  indexReference,
  train,
  run,
  exportGold,
  review,
  label,
  stats,
  serve,
  alerts,
  evaluate,
  demo,
  deploy,
];

export const VERSION = '0.1.0';

/** Without --wait, a lock conflict is retried this long: enough for a reader's single request (em serve). */
const DEFAULT_LOCK_WAIT_SECONDS = 2;

/** The `em` program with every command registered and commander's exits turned into exceptions. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('em')
    .description('Link company records to a reference master: exact identifiers, retrieval, pair model, LLM.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for this command')
    .addHelpText(
      'after',
      '\nExamples:\n  $ em demo\n  $ em init && em ingest reference ref.csv && em ingest source crm.csv && em run\n',
    );
  for (const registerCommand of COMMANDS) registerCommand(program, ctx);
  for (const command of walk(program)) configure(command, ctx);
  return program;
}

/** Run `em` with the given arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  overrides: Partial<CliContext> = {},
): Promise<ExitCode> {
  // Filled in by the preAction hook: how the command about to run opens the database.
  const invocation: CommandInvocation = { name: 'em', line: ['em', ...argv].join(' '), waitSeconds: 0 };
  const ctx: CliContext = {
    io: overrides.io ?? processIo(),
    openEngine: withCommandAccess(overrides.openEngine ?? openLocalEngine, invocation),
    openDatabricksEngine: overrides.openDatabricksEngine ?? openDatabricksEngine,
  };
  try {
    const program = createProgram(ctx);
    program.hook('preAction', (_program, action) => {
      invocation.name = fullName(action);
      invocation.waitSeconds = Number(action.opts().wait ?? DEFAULT_LOCK_WAIT_SECONDS);
    });
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, ctx.io, 'em');
  }
}

/** Full names of every command that does something, e.g. "em review list". */
export function commandNames(program: Command): string[] {
  return walk(program)
    .filter((command) => command !== program && command.commands.length === 0)
    .map((command) => fullName(command));
}

export function walk(command: Command): Command[] {
  return [command, ...command.commands.flatMap(walk)];
}

export function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function configure(command: Command, ctx: CliContext): void {
  command
    .helpCommand(false)
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
    })
    .exitOverride((error: CommanderError) => {
      if (error.exitCode === 0) throw new UsageError('', EXIT.ok);
      // 'commander.help': a group command ran without a subcommand; its help is already on stderr.
      if (error.code !== 'commander.help')
        ctx.io.stderr.write(`Run \`${fullName(command)} -h\` for usage.\n`);
      throw new UsageError('', EXIT.input);
    });
}
