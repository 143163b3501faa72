import path from 'node:path';
import { type Command, Option } from 'commander';
import { ENGINES, type EngineName } from './engine.js';
import type { Io } from './io.js';
import { integerAtLeast } from './option-parsers.js';

export const DEFAULT_DB = './em.duckdb';

/** Options every command accepts. */
export interface CommonOptions {
  db?: string;
  json?: boolean;
  wait?: number;
  /** --engine (commands declared with `engine: true`). */
  engine?: EngineName;
}

export interface CommandSpec {
  name: string;
  /** One line: what the command does. */
  description: string;
  /** Full command lines shown under "Examples:" in `-h`. */
  examples: readonly string[];
  /** Add --db and --json (every leaf command does; group commands like `review` do not). */
  common?: boolean;
  /** Add --engine local|databricks (commands that drive the engine port). */
  engine?: boolean;
}

/** Declare a command the same way everywhere: description, --db/--json, examples in its help. */
export function defineCommand(parent: Command, spec: CommandSpec): Command {
  const command = parent.command(spec.name).description(spec.description);
  if (spec.common ?? true) {
    command
      .option('--db <path>', `database file (default: $EM_DB, else ${DEFAULT_DB})`)
      .option('--json', 'print one JSON object on stdout instead of tables')
      .option(
        '--wait <seconds>',
        'when another em process holds the database, retry for up to this many seconds (default 2)',
        integerAtLeast(0),
      );
  }
  if (spec.engine) {
    command.addOption(
      new Option(
        '--engine <engine>',
        'where it runs: the embedded DuckDB file, or a Databricks workspace (what Databricks cannot do here, it says)',
      )
        .choices(ENGINES)
        .default('local'),
    );
  }
  const examples = spec.examples.map((line) => `  $ ${line}`).join('\n');
  return command.addHelpText('after', `\nExamples:\n${examples}\n`);
}

/** The database the user meant: --db, else $EM_DB, else ./em.duckdb; `shown` is how to write it back. */
export function resolveDb(options: CommonOptions, io: Io): { path: string; shown: string; flag: string } {
  const given = options.db ?? io.env.EM_DB ?? DEFAULT_DB;
  const flag = given === DEFAULT_DB ? '' : ` --db ${shellQuote(given)}`;
  return { path: path.resolve(io.cwd, given), shown: given, flag };
}

/** Quote a path for a copy-pasteable command line when it needs it. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
