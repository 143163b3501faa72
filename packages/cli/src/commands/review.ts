import type { Command } from 'commander';
import { defineCommand } from '../common-options.js';
import type { CliContext } from '../context.js';
import { registerReviewDecisions } from './review-decide.js';
import { registerReviewExport } from './review-export.js';
import { registerReviewImport } from './review-import.js';
import { registerReviewList } from './review-list.js';
import { registerReviewShow } from './review-show.js';
import { registerReviewWalk } from './review-walk.js';

export function register(program: Command, ctx: CliContext): void {
  const review = defineCommand(program, {
    name: 'review',
    description:
      'Work the review queue: walk it case by case on a terminal, list, show, accept or reject cases, or round-trip it through CSV.',
    examples: [
      'em review',
      'em review list --limit 20',
      'em review show S-1042',
      'em review accept S-1042 --ciq-id IQ12345',
      'em review reject S-77',
      'em review export --out queue.csv && em review import queue.csv',
    ],
    common: false,
  });
  registerReviewList(review, ctx);
  registerReviewShow(review, ctx);
  registerReviewDecisions(review, ctx);
  registerReviewExport(review, ctx);
  registerReviewImport(review, ctx);
  registerReviewWalk(review, ctx);
}
