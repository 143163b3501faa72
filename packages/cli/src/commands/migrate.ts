import { type Command, Option } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { DATABRICKS_ENV_HELP, ENGINES, type EngineName } from '../databricks-run.js';
import { withEngine } from '../engine.js';
import { print, printJson } from '../io.js';

interface MigrateOptions extends CommonOptions {
  engine: EngineName;
}

interface Upgrade {
  readonly from: number | null;
  readonly to: number;
  readonly applied: readonly { readonly version: number; readonly name: string }[];
}

export function register(program: Command, { io, openEngine }: CliContext): void {
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
      let where: string;
      let upgrade: Upgrade;
      if (options.engine === 'databricks') {
        const { DatabricksEngine } = await import('@em/databricks-client');
        const engine = DatabricksEngine.open({ env: io.env });
        try {
          upgrade = await engine.migrate();
          where = `catalog ${engine.sql.catalog}`;
        } finally {
          await engine.close();
        }
      } else {
        const db = resolveDb(options, io);
        upgrade = await withEngine(openEngine, db.path, (engine) => engine.migrate());
        where = db.shown;
      }
      if (options.json)
        return printJson(io, { command: 'migrate', engine: options.engine, where, ...upgrade });
      if (upgrade.applied.length === 0)
        return print(io, `${where} is at schema version ${upgrade.to}; nothing to migrate.`);
      print(
        io,
        `Migrated ${where} from schema version ${upgrade.from} to ${upgrade.to}:`,
        ...upgrade.applied.map((m) => `  ${String(m.version).padStart(3, '0')} ${m.name}`),
      );
    });
}
