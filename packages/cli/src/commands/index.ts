import type { Command } from 'commander';
import { readCascadeConfig } from '../cascade-settings.js';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withEngine } from '../engine.js';
import { print, printJson } from '../io.js';
import { formatCount, formatDuration, formatPercent } from '../output/format.js';
import { renderKeyValues } from '../output/table.js';

interface IndexOptions extends CommonOptions {
  rebuild?: boolean;
  config?: string;
}

export function register(program: Command, { io, openEngine }: CliContext): void {
  defineCommand(program, {
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
      const local = await import('@em/local');
      const { openIndex, indexPathFor, readReferenceStore } = local;
      // The columnar store, as em run reads it: no object per reference row.
      const { reference, sources } = await withEngine(openEngine, db.path, async (engine) => ({
        reference: await readReferenceStore((sql, params) => engine.query(sql, params)),
        sources: await local.readSourceRows((sql) => engine.query(sql)),
      }));
      const opened = openIndex(indexPathFor(db.path), reference, { rebuild: options.rebuild ?? false });
      const channels = new local.ChannelRetriever(
        new local.IndexRetriever(opened.index, reference),
        reference,
        (config.blockingKeys ?? []).map(local.parseBlockingKey),
      );
      // Per channel: how many ingested sources it finds at least one candidate for.
      const named = sources.filter((s) => (s.company_name ?? '').trim() !== '').length;
      const coverage = { name: named, ...Object.fromEntries(channels.coverage(sources)) };
      const a = opened.index.arrays;
      const report = {
        command: 'index',
        db: db.path,
        index: indexPathFor(db.path),
        status: opened.status,
        reason: opened.reason,
        referenceRows: a.nDocs,
        terms: a.terms.length,
        postings: a.postingDocs.length,
        ms: Math.round(opened.ms),
        fingerprint: opened.fingerprint,
        sources: sources.length,
        channelCoverage: coverage,
      };
      if (options.json) return printJson(io, report);
      print(
        io,
        opened.status === 'loaded'
          ? `Index is current (${formatCount(a.nDocs)} reference rows); nothing to do. Use --rebuild to build anyway.`
          : `Built the index over ${formatCount(a.nDocs)} reference rows (${opened.reason}) in ${formatDuration(opened.ms)}.`,
        '',
        renderKeyValues(
          [
            ['file', report.index],
            ['terms', formatCount(report.terms)],
            ['postings', formatCount(report.postings)],
          ],
          { align: 'left' },
        ),
        ...(sources.length === 0
          ? []
          : [
              '',
              `Candidate channels (sources each reaches, of ${formatCount(sources.length)} ingested):`,
              renderKeyValues(
                Object.entries(coverage).map(([channel, n]) => [
                  channel,
                  `${formatCount(n)}  ${formatPercent(n / sources.length)}${channel === 'name' ? ' (every source with a name: top-k by the name index)' : ''}`,
                ]),
                { align: 'left' },
              ),
            ]),
      );
    });
}
