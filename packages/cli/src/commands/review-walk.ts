import { InputError } from '@em/core';
import { Command } from 'commander';
import { defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withEngine } from '../engine.js';
import { print } from '../io.js';
import { integerAtLeast } from '../option-parsers.js';
import { defaultDecider } from './review-decider.js';
import { terminalKeys } from './review-keys.js';
import { printQueue, type QueueFilters, queueFilterOptions, queueOptions } from './review-list.js';
import { reviewSession } from './review-session.js';

interface WalkOptions extends QueueFilters {
  by?: string;
}

/**
 * `em review walk`, also what plain `em review` runs: on a terminal (stdin and stdout) it walks
 * the queue case by case; otherwise (a pipe, a script, --json) it prints the queue and never
 * waits for input.
 */
export function registerReviewWalk(review: Command, { io, openEngine }: CliContext): void {
  // defineCommand attaches to the parent it is given; build on a stand-in parent, then add the
  // command to `review` as its default subcommand.
  const walk = queueFilterOptions(
    defineCommand(new Command(), {
      name: 'walk',
      description:
        'Decide review cases one at a time in the terminal (what plain `em review` runs): keys 1-9 choose a candidate, a accepts the suggestion, n no match, s skip, q quit.',
      examples: ['em review', 'em review walk --system crm --max 0.5 --by alice'],
    })
      .option('--limit <n>', 'walk at most N cases (default: the whole queue)', integerAtLeast(1))
      .option('--by <name>', 'who decides (default: $USER)'),
  )
    // Plain `em review WORD` lands here (walk is the default); name the real commands instead.
    .allowExcessArguments(true)
    .action(async (options: WalkOptions, command: Command) => {
      if (command.args.length > 0) {
        const names = review.commands.map((c) => c.name()).join(', ');
        throw new InputError(
          `Unknown command "em review ${command.args[0]}"; the review commands are ${names} (see em review -h).`,
        );
      }
      const db = resolveDb(options, io);
      const interactive = !options.json && io.stdout.isTTY === true && process.stdin.isTTY === true;
      if (!interactive) {
        const shown = { ...options, limit: options.limit ?? 20 };
        const items = await withEngine(openEngine, db.path, (engine) =>
          engine.reviewQueue(queueOptions(shown)),
        );
        printQueue(io, 'review', db, items, shown);
        if (!options.json)
          print(io, 'Not a terminal: run `em review` in a terminal to decide cases one at a time.');
        return;
      }
      const decidedBy = options.by ?? defaultDecider(io);
      await withEngine(openEngine, db.path, async (engine) => {
        const items = await engine.reviewQueue(queueOptions(options));
        if (items.length === 0) return print(io, 'The review queue is empty for these filters.');
        const keys = terminalKeys(process.stdin);
        try {
          await reviewSession(
            engine,
            items,
            { write: (text) => io.stdout.write(text), readKey: keys.next },
            decidedBy,
          );
        } finally {
          keys.close();
        }
      });
    });
  review.addCommand(walk, { isDefault: true });
}
