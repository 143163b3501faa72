import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';
import { renderCase } from './review-case-view.js';

interface ShowOptions extends CommonOptions {
  system?: string;
}

export function registerReviewShow(review: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(review, {
    engine: true,
    name: 'show',
    description:
      'Show one case: the source record, the current decision and reasoning, the scored candidates.',
    examples: ['em review show S-1042', 'em review show S-1042 --system crm --json'],
  })
    .argument('<source_id>', 'source_id of the case')
    .option('--system <name>', 'source system of the case (needed when the source_id exists in several)')
    .action(async (sourceId: string, options: ShowOptions) => {
      const db = resolveDb(options, io);
      const found = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
        engine.reviewCase({ source_id: sourceId, source_system: options.system }),
      );
      if (options.json) return printJson(io, { command: 'review show', db: db.path, case: found });
      const key = `${found.source_id} --system ${found.source_system}${db.flag}`;
      print(
        io,
        renderCase(found),
        '',
        `Decide: em review accept ${key} [--ciq-id ID]  ·  em review reject ${key}`,
      );
    });
}
