import { InputError } from '@em/core';
import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';
import { defaultDecider } from './review-decider.js';

interface DecideOptions extends CommonOptions {
  system?: string;
  ciqId?: string;
  by?: string;
  note?: string;
  allowNonCandidate?: boolean;
}

export function registerReviewDecisions(review: Command, ctx: CliContext): void {
  const decisionOptions = (command: Command) =>
    command
      .argument('<source_id>', 'source_id of the case')
      .option('--system <name>', 'source system of the case (needed when the source_id exists in several)')
      .option('--by <name>', 'who decided (default: $USER)')
      .option('--note <text>', 'why, kept in the audit trail');
  decisionOptions(
    defineCommand(review, {
      engine: true,
      name: 'accept',
      description: 'Accept the suggested match for a case, or choose another company with --ciq-id.',
      examples: [
        'em review accept S-1042',
        'em review accept S-1042 --system crm --ciq-id IQ12345 --by alice',
      ],
    }),
  )
    .option('--ciq-id <id>', 'match to this reference company instead of the suggestion')
    .option(
      '--allow-non-candidate',
      "allow a --ciq-id that is not among the case's candidates (recorded as chosen outside the candidates)",
    )
    .action((sourceId: string, options: DecideOptions) => decide(ctx, sourceId, options, 'accept'));
  decisionOptions(
    defineCommand(review, {
      engine: true,
      name: 'reject',
      description: 'Mark a case as having no match in the reference.',
      examples: ['em review reject S-77', 'em review reject S-77 --system crm --note "private company"'],
    }),
  ).action((sourceId: string, options: DecideOptions) => decide(ctx, sourceId, options, 'reject'));
}

async function decide(
  ctx: CliContext,
  sourceId: string,
  options: DecideOptions,
  verdict: 'accept' | 'reject',
): Promise<void> {
  const { io } = ctx;
  const db = resolveDb(options, io);
  const decidedBy = options.by ?? defaultDecider(io);
  const decision = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, async (engine) => {
    // The case (an InputError when the source_id is unknown or needs --system) and its suggestion.
    const found = await engine.reviewCase({ source_id: sourceId, source_system: options.system });
    const ciqId = verdict === 'reject' ? null : (options.ciqId ?? found.suggested_ciq_id);
    if (verdict === 'accept' && ciqId === null) {
      throw new InputError(
        `${sourceId}: there is no suggested match to accept; choose one with --ciq-id ID.`,
      );
    }
    const d = { source_id: found.source_id, source_system: found.source_system, ciq_id: ciqId, decidedBy };
    await engine.decide({
      ...d,
      ...(options.note === undefined ? {} : { note: options.note }),
      ...(options.allowNonCandidate ? { allowNonCandidate: true } : {}),
    });
    return d;
  });
  if (options.json) return printJson(io, { command: `review ${verdict}`, db: db.path, ...decision });
  const who = `${decision.source_id} (${decision.source_system})`;
  print(
    io,
    decision.ciq_id === null
      ? `Rejected ${who}: no match, decided by ${decidedBy}.`
      : `Accepted ${who} → ${decision.ciq_id}, decided by ${decidedBy}.`,
  );
}
