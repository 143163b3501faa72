import { InputError } from '@em/core';
import { type Command, Option } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { DATABRICKS_ENV_HELP } from '../databricks-help.js';
import { ENGINES, type EngineName } from '../engine.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';

interface InitOptions extends CommonOptions {
  engine: EngineName;
  existingCatalog?: boolean;
  managedLocation?: string;
}

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
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
      if (options.existingCatalog && options.managedLocation !== undefined) {
        throw new InputError(
          '--existing-catalog and --managed-location exclude each other: use the catalog as it is, or create it in that location, not both.',
        );
      }
      const db = resolveDb(options, io);
      const report = await withSelectedEngine(ctx, options.engine, db.path, (engine) =>
        engine.init({
          createCatalog: !options.existingCatalog,
          ...(options.managedLocation !== undefined ? { managedLocation: options.managedLocation } : {}),
        }),
      );
      if (options.engine === 'databricks') {
        const { location: catalog, applied } = report;
        if (options.json)
          return printJson(io, {
            command: 'init',
            engine: 'databricks',
            catalog,
            statements: applied.length,
          });
        return print(
          io,
          `Initialized catalog ${catalog} (${applied.length} statements).`,
          'Next: load bronze with DatabricksEngine.load (see packages/databricks-client/README.md), then em deploy',
        );
      }
      if (options.json) return printJson(io, { command: 'init', db: db.path });
      print(io, `Initialized ${db.shown}.`, `Next: em ingest reference FILE${db.flag}`);
    });
}
