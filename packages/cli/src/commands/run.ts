import { MATCH_METHODS } from '@em/core';
import { type Command, Option } from 'commander';
import { runSettings } from '../cascade-settings.js';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { DATABRICKS_ENV_HELP, databricksGoldTable } from '../databricks-help.js';
import { ENGINES, type EngineName, type RunReport } from '../engine.js';
import { withSelectedEngine } from '../engine-factory.js';
import { print, printJson } from '../io.js';
import { renderBarChart } from '../output/bar-chart.js';
import { formatCount, formatDuration, formatEstimate, formatMoney, formatPercent } from '../output/format.js';
import { createProgress } from '../output/progress.js';
import { renderKeyValues } from '../output/table.js';
import { failOnLlmFailures, llmLines } from './run-llm-summary.js';

interface RunOptions extends CommonOptions {
  full?: boolean;
  strictLlm?: boolean;
  config?: string;
  llmBaseUrl?: string;
  llmModel?: string;
  engine: EngineName;
}

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(program, {
    name: 'run',
    description:
      'Match source records new or changed since the last run through the cascade into gold.matched_entities.',
    examples: [
      'em run',
      'em run --full',
      'em run --config cascade.json --json',
      'em run --engine databricks --config cascade.json',
    ],
  })
    .option('--full', 'reprocess every source record, not only new or changed ones')
    .option('--strict-llm', 'exit non-zero when the LLM stage failed for any case (they still go to review)')
    .option('--config <file>', 'cascade settings as JSON (thresholds, topK, prices, llm); see CascadeConfig')
    .option(
      '--llm-base-url <url>',
      'stage 4: OpenAI-compatible API root (default: $EM_LLM_BASE_URL, else llm.baseUrl in --config; none: stage 4 off)',
    )
    .option('--llm-model <name>', 'stage 4: model name (default: $EM_LLM_MODEL, else llm.model in --config)')
    .addOption(
      new Option('--engine <engine>', 'where the cascade runs: embedded DuckDB, or a Databricks workspace')
        .choices(ENGINES)
        .default('local'),
    )
    .addHelpText('after', DATABRICKS_ENV_HELP)
    .action(async (options: RunOptions) => {
      // Settings are resolved and checked before the database is touched: every problem at once.
      const { config, llmApiKey } = await runSettings(options, io);
      const db = resolveDb(options, io);
      const progress = createProgress(io.stderr, 'run');
      const report = await withSelectedEngine(ctx, options.engine, db.path, (engine) =>
        engine.run({ full: options.full ?? false, config, llmApiKey, onProgress: progress.update }),
      );
      progress.finish();
      if (options.engine === 'databricks') {
        // Where the rows went is all that differs: a catalog table, not a database file.
        if (options.json) return printJson(io, { command: 'run', engine: 'databricks', ...report });
        return print(io, ...describeRun(report), '', `Gold rows: ${databricksGoldTable(io)}`);
      }
      if (options.json) printJson(io, { command: 'run', db: db.path, ...report });
      else
        print(
          io,
          ...describeRun(report),
          '',
          `Next: em review${db.flag} (decide the cases in review)  ·  em label${db.flag} (answer the pairs that teach the model most)  ·  em export --out gold.csv${db.flag}`,
        );
      if (options.strictLlm) failOnLlmFailures(report);
    });
}

/** Funnel bars in cascade order: every method the run used, known ones first. */
export function funnelBars(byMethod: Record<string, unknown>): { label: string; value: number }[] {
  const known: readonly string[] = MATCH_METHODS;
  const methods = [...known, ...Object.keys(byMethod).filter((m) => !known.includes(m))];
  return methods
    .map((method) => ({ label: method, value: Number(byMethod[method] ?? 0) }))
    .filter((bar) => bar.value > 0);
}

/** The line saying this run finished an earlier `--full` pass that had stopped, or nothing. */
function resumedLine(report: RunReport): string[] {
  const r = report.resumedFullRun;
  if (!r) return [];
  return [
    `Resumed the unfinished \`em run --full\` ${r.runId} (started ${r.startedAt}, ${formatCount(r.done)} rows done before it stopped): the rows it had not reached were decided now.`,
  ];
}

export function describeRun(report: RunReport): string[] {
  const processed = Number(report.processed);
  const before = describeTraining(report);
  if (processed === 0) {
    return [
      ...resumedLine(report),
      ...before,
      `Run ${report.runId}: nothing new or changed to match (${formatCount(report.skippedUnchanged)} source records unchanged).`,
      'Ingest new source rows, or reprocess everything with em run --full.',
    ];
  }
  const share = (n: number) => (processed > 0 ? `  ${formatPercent(n / processed)}` : '');
  const lines = [
    ...resumedLine(report),
    ...before,
    `Run ${report.runId}: processed ${formatCount(processed)} source records` +
      ` (${formatCount(report.skippedUnchanged)} unchanged, skipped) in ${formatDuration(report.durationMs)}` +
      ` · ${formatCount(Math.round(report.entitiesPerSecond))} entities/s` +
      (report.loadMs
        ? ` (after ${formatDuration(report.loadMs)} loading the reference, index and model)`
        : ''),
  ];
  const bars = funnelBars(report.byMethod);
  if (bars.length > 0) lines.push('', 'Decided by', renderBarChart(bars));
  lines.push(...llmLines(report));
  lines.push(
    '',
    renderKeyValues([
      ['decided automatically', `${formatCount(report.autoMatched)}${share(report.autoMatched)}`],
      ['in review', `${formatCount(report.inReview)}${share(report.inReview)}`],
      ['no match', `${formatCount(report.noMatch)}${share(report.noMatch)}`],
      ['cost', formatMoney(report.costUsd)],
      ['cost per entity', formatMoney(report.costPerEntity)],
      ...describeTrust(report),
    ]),
  );
  if (report.stages)
    lines.push(
      '',
      'Stages',
      renderKeyValues(
        report.stages.map((s) => [s.stage, s.detail]),
        { align: 'left' },
      ),
    );
  return lines;
}

/** The model `em run` trained first, when it had none. */
function describeTraining(report: RunReport): string[] {
  const t = report.trainedModel;
  if (!t) return [];
  return [
    `No pair model yet: trained ${t.modelVersion} without labels (${t.source}, from the ingested sources) in ${t.seconds.toFixed(1)} s. Train on labels with em train --labels gold.csv, or label pairs with em label.`,
    '',
  ];
}

/** Estimated precision of the auto-matches, and whether labels ever checked the model. */
export function describeTrust(report: RunReport): [string, string][] {
  const e = report.estimatedAutoPrecision;
  if (e === undefined) return [];
  if (e === null)
    return [['est. auto-match precision', 'cannot be estimated (no pair model trust, or no auto-matches)']];
  const value = `${formatEstimate(e.estimate)} ± ${formatPercent(e.halfWidth)} over ${formatCount(e.autoMatched)} auto-matched matches`;
  return [
    ['est. auto-match precision', value],
    ...(e.validatedOnLabels
      ? []
      : ([['validated', 'never validated on labels from this data (estimate from held-out evidence)']] as [
          string,
          string,
        ][])),
  ];
}
