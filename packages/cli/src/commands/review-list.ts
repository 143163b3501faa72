import { type Command, Option } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import type { ReviewItem } from '../engine.js';
import { withSelectedEngine } from '../engine-factory.js';
import { type Io, print, printJson } from '../io.js';
import { integerAtLeast, probability } from '../option-parsers.js';
import { formatCount, formatScore } from '../output/format.js';
import { type Column, renderTable } from '../output/table.js';

export interface QueueFilters extends CommonOptions {
  limit?: number;
  min?: number;
  max?: number;
  system?: string;
  method?: string;
  order?: import('@em/local').ReviewOrder;
}

const MAX_CELL = 40;
type Row = Partial<ReviewItem> & Record<string, unknown>;

const BASE_COLUMNS: readonly Column<Row>[] = [
  { label: 'source_id', value: (r) => r.source_id },
  { label: 'system', value: (r) => r.source_system },
  { label: 'company_name', value: (r) => r.company_name },
  { label: 'suggested ciq_id', value: (r) => r.suggested_ciq_id ?? r.matched_ciq_id },
  { label: 'suggested name', value: (r) => r.suggested_company_name ?? r.matched_company_name },
  { label: 'confidence', value: (r) => r.match_confidence, format: formatScore },
  { label: 'method', value: (r) => r.match_method },
];
const COLUMNS = BASE_COLUMNS.map((c) => ({
  ...c,
  format: (v: unknown) => truncate(c.format ? c.format(v) : v == null ? '' : String(v)),
}));

/** --min/--max/--system/--method, shared by list, export and the interactive walk. */
export function queueFilterOptions(command: Command): Command {
  return command
    .option('--min <confidence>', 'only cases with confidence ≥ this (0–1)', probability)
    .option('--max <confidence>', 'only cases with confidence ≤ this (0–1)', probability)
    .option('--system <name>', 'only cases from this source system')
    .option('--method <name>', 'only cases the machine decided with this match_method (e.g. no_match)')
    .addOption(
      new Option(
        '--order <order>',
        'confidence: least confident first; priority: the cases whose answer would teach the model most first (the order em label asks in)',
      )
        .choices(['confidence', 'priority'])
        .default('confidence'),
    );
}

/** How the shown queue is ordered, in words. */
export const orderWords = (options: QueueFilters): string =>
  options.order === 'priority' ? 'most to learn from first (label priority)' : 'lowest confidence first';

/** The engine's queue options from the command's flags. */
export function queueOptions(options: QueueFilters) {
  return {
    limit: options.limit,
    minConfidence: options.min,
    maxConfidence: options.max,
    system: options.system,
    method: options.method,
    order: options.order,
  };
}

/** The queue as `--json` or as a table with the commands that decide it. */
export function printQueue(
  io: Io,
  command: string,
  db: ReturnType<typeof resolveDb>,
  items: ReviewItem[],
  options: QueueFilters,
): void {
  if (options.json) {
    printJson(io, { command, db: db.path, items });
    return;
  }
  if (items.length === 0) {
    print(io, 'The review queue is empty for these filters.');
    return;
  }
  print(
    io,
    renderTable(items as unknown as Row[], COLUMNS),
    '',
    `${formatCount(items.length)} case${items.length === 1 ? '' : 's'} shown${options.limit ? ` (--limit ${options.limit})` : ''}, ${orderWords(options)}.`,
    `Inspect: em review show SOURCE_ID${db.flag}  ·  decide: em review accept SOURCE_ID [--ciq-id ID]${db.flag}  ·  em review reject SOURCE_ID${db.flag}`,
  );
}

export function registerReviewList(review: Command, ctx: CliContext): void {
  const { io } = ctx;
  queueFilterOptions(
    defineCommand(review, {
      engine: true,
      name: 'list',
      description:
        'List review cases, lowest confidence first (or --order priority: the order em label asks in), with the suggested match.',
      examples: [
        'em review list',
        'em review list --min 0.5 --max 0.9 --system salesforce --method no_match --limit 50 --json',
        'em review list --order priority',
      ],
    }).option('--limit <n>', 'show at most N cases', integerAtLeast(1), 20),
  ).action(async (options: QueueFilters) => {
    const db = resolveDb(options, io);
    const items = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
      engine.reviewQueue(queueOptions(options)),
    );
    printQueue(io, 'review list', db, items, options);
  });
}

function truncate(text: string): string {
  return [...text].length > MAX_CELL ? `${[...text].slice(0, MAX_CELL - 1).join('')}…` : text;
}
