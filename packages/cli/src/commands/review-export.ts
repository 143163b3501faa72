import type { Command } from 'commander';
import { defineCommand, resolveDb, shellQuote } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { requireOutputPath } from '../files.js';
import { print, printJson } from '../io.js';
import { integerAtLeast } from '../option-parsers.js';
import { formatCount } from '../output/format.js';
import { type QueueFilters, queueFilterOptions, queueOptions } from './review-list.js';

interface ExportOptions extends QueueFilters {
  out: string;
  candidates: number;
}

export function registerReviewExport(review: Command, ctx: CliContext): void {
  const { io } = ctx;
  queueFilterOptions(
    defineCommand(review, {
      engine: true,
      name: 'export',
      description:
        'Write the review queue to CSV for a spreadsheet: the top candidates in columns, empty decision columns to fill in.',
      examples: [
        'em review export --out queue.csv',
        'em review export --out queue.csv --candidates 5 --system crm',
      ],
    })
      .requiredOption('--out <file.csv>', 'CSV file to write')
      .option('--candidates <n>', 'candidates per case, flattened into columns', integerAtLeast(0), 3)
      .option('--limit <n>', 'at most N cases (default: the whole queue)', integerAtLeast(1)),
  ).action(async (options: ExportOptions) => {
    const out = requireOutputPath(options.out, io.cwd);
    const db = resolveDb(options, io);
    const result = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
      engine.exportReviewQueue(out, { ...queueOptions(options), candidates: options.candidates }),
    );
    if (options.json) return printJson(io, { command: 'review export', db: db.path, ...result });
    print(
      io,
      `Exported ${formatCount(result.rows)} review case${result.rows === 1 ? '' : 's'} to ${options.out}.`,
      'Fill in `decision` (accept, reject or choose) and, for choose, `decided_ciq_id`; then:',
      `  em review import ${shellQuote(options.out)}${db.flag}`,
    );
  });
}
