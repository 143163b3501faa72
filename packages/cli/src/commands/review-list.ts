import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { type ReviewItem, withEngine } from '../engine.js';
import { print, printJson } from '../io.js';
import { integerAtLeast, probability } from '../option-parsers.js';
import { formatCount, formatScore } from '../output/format.js';
import { type Column, columnsFromRows, renderTable } from '../output/table.js';

interface ListOptions extends CommonOptions {
  limit: number;
  min?: number;
  max?: number;
  system?: string;
}

/** Columns shown when the queue rows carry them, in this order; otherwise every column. */
const PREFERRED: readonly { key: string; label: string; format?: (v: unknown) => string }[] = [
  { key: 'source_id', label: 'source_id' },
  { key: 'source_system', label: 'system' },
  { key: 'company_name', label: 'company_name' },
  { key: 'matched_ciq_id', label: 'suggested ciq_id' },
  { key: 'matched_company_name', label: 'suggested name' },
  { key: 'match_confidence', label: 'confidence', format: formatScore },
  { key: 'match_method', label: 'method' },
];
const MAX_CELL = 40;

export function registerReviewList(review: Command, { io, openEngine }: CliContext): void {
  defineCommand(review, {
    name: 'list',
    description: 'List review cases, lowest confidence first, with the suggested match.',
    examples: ['em review list', 'em review list --min 0.5 --max 0.9 --system salesforce --limit 50 --json'],
  })
    .option('--limit <n>', 'show at most N cases', integerAtLeast(1), 20)
    .option('--min <confidence>', 'only cases with confidence ≥ this (0–1)', probability)
    .option('--max <confidence>', 'only cases with confidence ≤ this (0–1)', probability)
    .option('--system <name>', 'only cases from this source system')
    .action(async (options: ListOptions) => {
      const db = resolveDb(options, io);
      const items = await withEngine(openEngine, db.path, (engine) =>
        engine.reviewQueue({
          limit: options.limit,
          minConfidence: options.min,
          maxConfidence: options.max,
          system: options.system,
        }),
      );
      if (options.json) return printJson(io, { command: 'review list', db: db.path, items });
      if (items.length === 0) return print(io, 'The review queue is empty for these filters.');
      print(
        io,
        renderTable(asRows(items), reviewColumns(asRows(items))),
        '',
        `${formatCount(items.length)} case${items.length === 1 ? '' : 's'} shown (--limit ${options.limit}).`,
        `Decide: em review accept SOURCE_ID [--ciq-id ID]${db.flag}  ·  em review reject SOURCE_ID${db.flag}`,
      );
    });
}

type Row = Record<string, unknown>;

function asRows(items: readonly ReviewItem[]): Row[] {
  return items as unknown as Row[];
}

function reviewColumns(rows: readonly Row[]): Column<Row>[] {
  const first = rows[0]!;
  const present = PREFERRED.filter((c) => c.key in first);
  if (present.length < 2) return columnsFromRows(rows);
  return present.map(({ key, label, format }) => ({
    label,
    value: (row) => row[key],
    format: (v) => truncate(format ? format(v) : v == null ? '' : String(v)),
  }));
}

function truncate(text: string): string {
  return [...text].length > MAX_CELL ? `${[...text].slice(0, MAX_CELL - 1).join('')}…` : text;
}
