import { InputError } from '@em/core';
import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { type Engine, withEngine } from '../engine.js';
import { print, printJson } from '../io.js';
import { defaultDecider } from './review-engine.js';

interface DecideOptions extends CommonOptions {
  system?: string;
  ciqId?: string;
  by?: string;
  note?: string;
}

interface GoldRow {
  source_id: string;
  source_system: string;
  matched_ciq_id: string | null;
  candidates: unknown;
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
      name: 'accept',
      description: 'Accept the suggested match for a case, or choose another company with --ciq-id.',
      examples: [
        'em review accept S-1042',
        'em review accept S-1042 --system crm --ciq-id IQ12345 --by alice',
      ],
    }),
  )
    .option('--ciq-id <id>', 'match to this reference company instead of the suggestion')
    .action((sourceId: string, options: DecideOptions) => decide(ctx, sourceId, options, 'accept'));
  decisionOptions(
    defineCommand(review, {
      name: 'reject',
      description: 'Mark a case as having no match in the reference.',
      examples: ['em review reject S-77', 'em review reject S-77 --system crm --note "private company"'],
    }),
  ).action((sourceId: string, options: DecideOptions) => decide(ctx, sourceId, options, 'reject'));
}

async function decide(
  { io, openEngine }: CliContext,
  sourceId: string,
  options: DecideOptions,
  verdict: 'accept' | 'reject',
): Promise<void> {
  const db = resolveDb(options, io);
  const decidedBy = options.by ?? defaultDecider(io);
  const decision = await withEngine(openEngine, db.path, async (engine) => {
    const row = await findGoldRow(engine, sourceId, options.system);
    const ciqId = verdict === 'reject' ? null : (options.ciqId ?? suggestion(row));
    if (verdict === 'accept' && ciqId === null) {
      throw new InputError(
        `${sourceId}: there is no suggested match to accept; choose one with --ciq-id ID.`,
      );
    }
    const d = { source_id: row.source_id, source_system: row.source_system, ciq_id: ciqId, decidedBy };
    await engine.decide(options.note === undefined ? d : { ...d, note: options.note });
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

/** The single gold row for this source_id (and system), or an InputError that says how to pick it. */
async function findGoldRow(engine: Engine, sourceId: string, system: string | undefined): Promise<GoldRow> {
  const sql =
    'SELECT source_id, source_system, matched_ciq_id, candidates FROM gold.matched_entities WHERE source_id = $1';
  const rows =
    system === undefined
      ? await engine.query<GoldRow>(sql, [sourceId])
      : await engine.query<GoldRow>(`${sql} AND source_system = $2`, [sourceId, system]);
  if (rows.length === 0) {
    const where = system === undefined ? '' : ` in system "${system}"`;
    throw new InputError(
      `No gold row for source_id "${sourceId}"${where}. Run \`em review list\` to see the cases.`,
    );
  }
  if (rows.length > 1) {
    const systems = rows.map((r) => r.source_system).join(', ');
    throw new InputError(
      `source_id "${sourceId}" exists in several systems (${systems}); pass --system NAME.`,
    );
  }
  return rows[0]!;
}

/** The match to accept by default: the gold row's match, else its best-ranked candidate. */
function suggestion(row: GoldRow): string | null {
  if (row.matched_ciq_id) return row.matched_ciq_id;
  const candidates = typeof row.candidates === 'string' ? safeJson(row.candidates) : row.candidates;
  if (!Array.isArray(candidates) || candidates.length === 0) return null;
  const ranked = [...candidates].sort((a, b) => Number(a?.rank ?? 0) - Number(b?.rank ?? 0));
  const best = ranked[0]?.ciq_id;
  return typeof best === 'string' ? best : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
