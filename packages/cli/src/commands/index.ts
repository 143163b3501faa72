import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withEngine } from '../engine.js';
import { print, printJson } from '../io.js';
import { formatCount, formatDuration } from '../output/format.js';
import { renderKeyValues } from '../output/table.js';

interface IndexOptions extends CommonOptions {
  rebuild?: boolean;
}

export function register(program: Command, { io, openEngine }: CliContext): void {
  defineCommand(program, {
    name: 'index',
    description:
      'Build the candidate-retrieval index over the reference and save it beside the database (em run and em train rebuild it when stale).',
    examples: ['em index', 'em index --rebuild --db ./data/em.duckdb'],
  })
    .option('--rebuild', 'build even when the saved index is current')
    .action(async (options: IndexOptions) => {
      const db = resolveDb(options, io);
      const { openIndex, indexPathFor, readReferenceStore } = await import('@em/local');
      // The columnar store, as em run reads it: no object per reference row.
      const reference = await withEngine(openEngine, db.path, (engine) =>
        readReferenceStore((sql, params) => engine.query(sql, params)),
      );
      const opened = openIndex(indexPathFor(db.path), reference, { rebuild: options.rebuild ?? false });
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
      );
    });
}
