import { type Command, Option } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { DATABRICKS_ENV_HELP } from '../databricks-help.js';
import { ENGINES, type EngineName } from '../engine.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';

interface MigrateOptions extends CommonOptions {
  engine: EngineName;
}

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(program, {
    name: 'migrate',
    description:
      "Bring a database made by an older em to this em's schema version (sql/migrations/, in order; every row kept). Commands that write do it on their own; read-only ones (stats, export, review list) ask for it.",
    examples: ['em migrate', 'em migrate --db ./data/em.duckdb', 'em migrate --engine databricks'],
  })
    .addOption(
      new Option('--engine <engine>', 'embedded DuckDB, or Unity Catalog in a Databricks workspace')
        .choices(ENGINES)
        .default('local'),
    )
    .addHelpText('after', DATABRICKS_ENV_HELP)
    .action(async (options: MigrateOptions) => {
      const db = resolveDb(options, io);
      const upgrade = await withSelectedEngine(ctx, options.engine, db.path, (engine) => engine.migrate());
      const where = options.engine === 'databricks' ? 'the catalog' : db.shown;
      if (options.json)
        return printJson(io, { command: 'migrate', engine: options.engine, db: db.path, ...upgrade });
      if (upgrade.applied.length === 0)
        return print(io, `${where} is at schema version ${upgrade.to}; nothing to migrate.`);
      print(
        io,
        `Migrated ${where} from schema version ${upgrade.from} to ${upgrade.to}:`,
        ...upgrade.applied.map((m) => `  ${String(m.version).padStart(3, '0')} ${m.name}`),
      );
    });
}
