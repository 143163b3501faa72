import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withEngine } from '../engine.js';
import { print, printJson } from '../io.js';

export function register(program: Command, { io, openEngine }: CliContext): void {
  defineCommand(program, {
    name: 'migrate',
    description:
      "Bring a database made by an older em to this em's schema version (sql/migrations/, in order; every row kept). Commands that write do it on their own; read-only ones (stats, export, review list) ask for it.",
    examples: ['em migrate', 'em migrate --db ./data/em.duckdb'],
  }).action(async (options: CommonOptions) => {
    const db = resolveDb(options, io);
    const upgrade = await withEngine(openEngine, db.path, (engine) => engine.migrate());
    if (options.json) return printJson(io, { command: 'migrate', db: db.path, ...upgrade });
    if (upgrade.applied.length === 0)
      return print(io, `${db.shown} is at schema version ${upgrade.to}; nothing to migrate.`);
    print(
      io,
      `Migrated ${db.shown} from schema version ${upgrade.from} to ${upgrade.to}:`,
      ...upgrade.applied.map((m) => `  ${String(m.version).padStart(3, '0')} ${m.name}`),
    );
  });
}
