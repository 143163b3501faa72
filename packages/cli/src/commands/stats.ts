import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import type { StatsReport } from '../engine.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';
import { renderBarChart } from '../output/bar-chart.js';
import { formatCell, formatCount, formatMoney, formatScore } from '../output/format.js';
import { type Column, renderKeyValues, renderTable } from '../output/table.js';
import { modelSummary } from './model-summary.js';
import { funnelBars } from './run.js';

type Row = Record<string, unknown>;

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(program, {
    engine: true,
    name: 'stats',
    description:
      'Show row counts, daily match statistics (gold.daily_stats) and cost analysis (gold.cost_analysis).',
    examples: ['em stats', 'em stats --json --db ./data/em.duckdb'],
  }).action(async (options: CommonOptions) => {
    const db = resolveDb(options, io);
    const report = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
      engine.stats(),
    );
    const model = await modelSummary(db.path);
    if (options.json)
      return printJson(io, { command: 'stats', db: db.path, ...report, model: model?.json ?? null });
    print(
      io,
      ...describeStats(report),
      ...(model ? ['', 'Model', renderKeyValues(model.lines, { align: 'left' })] : []),
    );
  });
}

export function describeStats(report: StatsReport): string[] {
  const counts = report.counts as unknown as Row;
  const lines = ['Counts', renderKeyValues(Object.entries(counts).map(([k, v]) => [k, formatCount(v)]))];
  const daily = report.dailyStats as unknown as Row[];
  const byMethod = totalsByMethod(daily);
  if (byMethod) lines.push('', 'Decided by (all days)', renderBarChart(funnelBars(byMethod)));
  lines.push(
    '',
    'Daily stats (gold.daily_stats)',
    daily.length > 0 ? renderTable(daily, columnsFor(daily)) : '(none)',
  );
  // Which models decided the gold rows (after a model change, old rows keep the old version until `em run --full`).
  const versions = (report.modelVersions ?? []) as unknown as Row[];
  lines.push(
    '',
    'Model versions in gold (machine-decided rows)',
    versions.length > 0
      ? renderTable(versions, [
          { label: 'model_version', value: (r) => r.model_version ?? '(none)' },
          { label: 'rows', value: (r) => r.rows, format: formatCount, align: 'right' },
        ])
      : '(none)',
  );
  const cost = report.costAnalysis as unknown as Row[];
  lines.push(
    '',
    'Cost analysis (gold.cost_analysis)',
    cost.length > 0 ? renderTable(cost, columnsFor(cost)) : '(none)',
  );
  return lines;
}

/** Sum match_count per match_method over the daily rows, when the view has those columns. */
function totalsByMethod(daily: readonly Row[]): Record<string, number> | null {
  if (daily.length === 0 || !('match_method' in daily[0]!) || !('match_count' in daily[0]!)) return null;
  const totals: Record<string, number> = {};
  for (const row of daily) {
    const method = String(row.match_method);
    totals[method] = (totals[method] ?? 0) + Number(row.match_count);
  }
  return totals;
}

/** Every column of a view, formatted by what its name says it holds. */
function columnsFor(rows: readonly Row[]): Column<Row>[] {
  return Object.keys(rows[0]!).map((key) => ({
    label: key,
    value: (row) => row[key],
    format: formatterFor(key),
  }));
}

function formatterFor(column: string): (value: unknown) => string {
  if (/cost|usd/.test(column)) return formatMoney;
  if (/confidence|score|rate/.test(column)) return formatScore;
  if (/_ms$/.test(column)) return (v) => (typeof v === 'number' ? v.toFixed(1) : formatCell(v));
  if (/count|total|entities/.test(column)) return formatCount;
  return formatCell;
}
