import type { Command } from 'commander';
import { defineCommand } from '../common-options.js';
import type { CliContext } from '../context.js';
import { registerReviewDecisions } from './review-decide.js';
import { registerReviewList } from './review-list.js';

export function register(program: Command, ctx: CliContext): void {
  const review = defineCommand(program, {
    name: 'review',
    description: 'Work the review queue: list cases below the auto-match threshold, accept or reject them.',
    examples: [
      'em review list --limit 20',
      'em review accept S-1042 --ciq-id IQ12345',
      'em review reject S-77',
    ],
    common: false,
  });
  registerReviewList(review, ctx);
  registerReviewDecisions(review, ctx);
}
