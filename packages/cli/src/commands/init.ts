import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withEngine } from '../engine.js';
import { print, printJson } from '../io.js';

export function register(program: Command, { io, openEngine }: CliContext): void {
  defineCommand(program, {
    name: 'init',
    description:
      'Create the database and its tables (bronze, silver, gold, ops); running it again changes nothing.',
    examples: ['em init', 'em init --db ./data/em.duckdb'],
  }).action(async (options: CommonOptions) => {
    const db = resolveDb(options, io);
    await withEngine(openEngine, db.path, (engine) => engine.init());
    if (options.json) return printJson(io, { command: 'init', db: db.path });
    print(io, `Initialized ${db.shown}.`, `Next: em ingest reference FILE${db.flag}`);
  });
}
