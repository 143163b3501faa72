import type { Command } from 'commander';
import { readCascadeConfig } from '../cascade-settings.js';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';
import { formatCount, formatDuration, formatPercent } from '../output/format.js';
import { renderKeyValues } from '../output/table.js';

interface IndexOptions extends CommonOptions {
  rebuild?: boolean;
  config?: string;
}

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(program, {
    engine: true,
    name: 'index',
    description:
      'Build the candidate-retrieval index over the reference and save it beside the database (em run and em train rebuild it when stale).',
    examples: ['em index', 'em index --rebuild --db ./data/em.duckdb'],
  })
    .option('--rebuild', 'build even when the saved index is current')
    .option(
      '--config <file>',
      'cascade settings as JSON: its blockingKeys add candidate channels to the coverage report',
    )
    .action(async (options: IndexOptions) => {
      // The config is checked before anything is read or written (a bad blocking key names its column).
      const config = await readCascadeConfig(options.config, io.cwd);
      const db = resolveDb(options, io);
      const indexed = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
        engine.index({ rebuild: options.rebuild ?? false, config }),
      );
      const report = { command: 'index', db: db.path, ...indexed };
      const { sources } = indexed;
      const coverage = indexed.channelCoverage;
      if (options.json) return printJson(io, report);
      print(
        io,
        report.status === 'loaded'
          ? `Index is current (${formatCount(report.referenceRows)} reference rows); nothing to do. Use --rebuild to build anyway.`
          : `Built the index over ${formatCount(report.referenceRows)} reference rows (${report.reason}) in ${formatDuration(report.ms)}.`,
        '',
        renderKeyValues(
          [
            ['file', report.index],
            ['terms', formatCount(report.terms)],
            ['postings', formatCount(report.postings)],
          ],
          { align: 'left' },
        ),
        ...(sources === 0
          ? []
          : [
              '',
              `Candidate channels (sources each reaches, of ${formatCount(sources)} ingested):`,
              renderKeyValues(
                Object.entries(coverage).map(([channel, n]) => [
                  channel,
                  `${formatCount(n)}  ${formatPercent(n / sources)}${channel === 'name' ? ' (every source with a name: top-k by the name index)' : ''}`,
                ]),
                { align: 'left' },
              ),
            ]),
      );
    });
}
