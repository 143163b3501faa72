import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { requireInputFile } from '../files.js';
import { print, printJson } from '../io.js';
import { formatCount } from '../output/format.js';
import { renderKeyValues } from '../output/table.js';
import { defaultDecider } from './review-decider.js';

interface ImportOptions extends CommonOptions {
  by?: string;
  allowNonCandidate?: boolean;
}

export function registerReviewImport(review: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(review, {
    engine: true,
    name: 'import',
    description:
      'Apply a decided CSV (from `em review export` or a labelling tool): every row is checked first; one bad row and nothing is applied.',
    examples: ['em review import queue.csv', 'em review import decided.csv --by labelling-team --json'],
  })
    .argument(
      '<file.csv>',
      'CSV with source_id, source_system, decision (accept|reject|choose) and/or decided_ciq_id, note',
    )
    .option('--by <name>', 'who decided, for rows without a decided_by column (default: $USER)')
    .option(
      '--allow-non-candidate',
      "allow decided_ciq_id values that were not among a case's candidates (recorded as such)",
    )
    .action(async (file: string, options: ImportOptions) => {
      const path = requireInputFile(file, io.cwd, 'CSV file');
      const db = resolveDb(options, io);
      const decidedBy = options.by ?? defaultDecider(io);
      const report = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
        engine.importReviewDecisions(path, {
          decidedBy,
          ...(options.allowNonCandidate ? { allowNonCandidate: true } : {}),
        }),
      );
      if (options.json) return printJson(io, { command: 'review import', db: db.path, ...report });
      print(
        io,
        `Imported ${file}:`,
        renderKeyValues([
          ['rows', formatCount(report.rows)],
          ['applied', formatCount(report.applied)],
          ['unchanged', formatCount(report.unchanged)],
          ['undecided', formatCount(report.undecided)],
        ]),
        report.applied > 0
          ? `Decisions recorded in gold.review_decisions by ${decidedBy}; later runs keep them.`
          : 'Nothing new to apply.',
      );
    });
}
