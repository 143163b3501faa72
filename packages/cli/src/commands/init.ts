import { InputError } from '@em/core';
import { type Command, Option } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { DATABRICKS_ENV_HELP, ENGINES, type EngineName } from '../databricks-run.js';
import { withEngine } from '../engine.js';
import { print, printJson } from '../io.js';

interface InitOptions extends CommonOptions {
  engine: EngineName;
  existingCatalog?: boolean;
  managedLocation?: string;
}

export function register(program: Command, { io, openEngine }: CliContext): void {
  defineCommand(program, {
    name: 'init',
    description:
      'Create the database and its tables (bronze, silver, gold, ops); running it again changes nothing.',
    examples: [
      'em init',
      'em init --db ./data/em.duckdb',
      'em init --engine databricks --managed-location s3://bucket/em',
      'em init --engine databricks --existing-catalog',
    ],
  })
    .addOption(
      new Option('--engine <engine>', 'embedded DuckDB, or Unity Catalog in a Databricks workspace')
        .choices(ENGINES)
        .default('local'),
    )
    .option('--existing-catalog', 'Databricks: use the catalog (EM_CATALOG) as it is, without CREATE CATALOG')
    .option(
      '--managed-location <url>',
      'Databricks: storage for a new catalog (needed where the metastore has no storage root), e.g. s3://bucket/em',
    )
    .addHelpText('after', DATABRICKS_ENV_HELP)
    .action(async (options: InitOptions) => {
      if (options.engine === 'databricks') {
        if (options.existingCatalog && options.managedLocation !== undefined) {
          throw new InputError(
            '--existing-catalog and --managed-location exclude each other: use the catalog as it is, or create it in that location, not both.',
          );
        }
        const { DatabricksEngine } = await import('@em/databricks-client');
        const engine = DatabricksEngine.open({ env: io.env });
        try {
          const statements = await engine.init({
            createCatalog: !options.existingCatalog,
            ...(options.managedLocation !== undefined ? { managedLocation: options.managedLocation } : {}),
          });
          if (options.json)
            return printJson(io, {
              command: 'init',
              engine: 'databricks',
              catalog: engine.sql.catalog,
              statements: statements.length,
            });
          return print(
            io,
            `Initialized catalog ${engine.sql.catalog} (${statements.length} statements).`,
            'Next: load bronze with DatabricksEngine.load (see packages/databricks-client/README.md), then em deploy',
          );
        } finally {
          await engine.close();
        }
      }
      const db = resolveDb(options, io);
      await withEngine(openEngine, db.path, (engine) => engine.init());
      if (options.json) return printJson(io, { command: 'init', db: db.path });
      print(io, `Initialized ${db.shown}.`, `Next: em ingest reference FILE${db.flag}`);
    });
}
