import path from 'node:path';
import { InputError } from '@em/core';
import type { OpenEngine, OpenEngineOptions } from './engine.js';

/** Commands that only read the database: they open it read-only, so several can run at once. */
const READ_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  'em stats',
  'em export',
  'em review list',
  'em review show',
  'em review export',
  'em alerts',
]);

/** The only commands that create a database file (everything else needs an existing one). */
const CREATING_COMMANDS: ReadonlySet<string> = new Set(['em init', 'em demo']);

/** What the command being run is, filled in just before its action runs. */
export interface CommandInvocation {
  /** Full command name, e.g. "em review list". */
  name: string;
  /** The command line as typed, for the lock record other processes read. */
  line: string;
  /** --wait SECONDS. */
  waitSeconds: number;
}

/** How `command` opens the database. */
export function accessFor(command: string): NonNullable<OpenEngineOptions['access']> {
  if (READ_ONLY_COMMANDS.has(command)) return 'read';
  return CREATING_COMMANDS.has(command) ? 'create' : 'write';
}

/**
 * `open` with the access, wait and command line the running command implies, and the check
 * that `--db :memory:` (DuckDB's in-memory name) is not taken for a file.
 */
export function withCommandAccess(open: OpenEngine, invocation: CommandInvocation): OpenEngine {
  return (dbPath, options = {}) => {
    if (path.basename(dbPath) === ':memory:') {
      throw new InputError(
        '--db :memory: is not a database file: em keeps bronze, silver, gold and the run log in a file so that ' +
          'later commands can read them. Pass a file path, e.g. --db em.duckdb (`em demo` needs none).',
      );
    }
    return open(dbPath, {
      access: accessFor(invocation.name),
      waitMs: invocation.waitSeconds * 1000,
      command: invocation.line,
      ...options,
    });
  };
}
