import path from 'node:path';
import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import type { IngestReport } from '../engine.js';
import { withSelectedEngine } from '../engine-factory.js';
import { requireInputFile } from '../files.js';
import { print, printJson } from '../io.js';
import { formatCount } from '../output/format.js';
import { createProgress } from '../output/progress.js';
import { renderKeyValues } from '../output/table.js';

const FORMATS = 'CSV, Parquet or JSONL';
const MAX_WARNINGS_SHOWN = 20;

interface SourceOptions extends CommonOptions {
  system?: string;
}

export function register(program: Command, ctx: CliContext): void {
  const ingest = defineCommand(program, {
    name: 'ingest',
    description: `Load reference or source entities from a ${FORMATS} file; rejected rows go to gold.quarantine.`,
    examples: ['em ingest reference reference.csv', 'em ingest source crm.csv --system salesforce'],
    common: false,
  });
  defineCommand(ingest, {
    engine: true,
    name: 'reference',
    description: `Load the reference master (ciq_id, company_name, lei, isin, cusip, …) from a ${FORMATS} file.`,
    examples: ['em ingest reference reference.csv', 'em ingest reference spglobal.parquet --json'],
  })
    .argument('<file>', `reference file (${FORMATS})`)
    .action((file: string, options: CommonOptions) => ingestFile(ctx, 'reference', file, options));
  defineCommand(ingest, {
    engine: true,
    name: 'source',
    description: `Load source records to match (source_id, company_name, identifiers…) from a ${FORMATS} file.`,
    examples: ['em ingest source crm.csv', 'em ingest source vendor_feed.jsonl --system vendor_feed'],
  })
    .argument('<file>', `source file (${FORMATS})`)
    .option(
      '--system <name>',
      'source system these rows come from (default: the file’s source_system column)',
    )
    .action((file: string, options: SourceOptions) => ingestFile(ctx, 'source', file, options));
}

async function ingestFile(
  ctx: CliContext,
  kind: 'reference' | 'source',
  file: string,
  options: SourceOptions,
): Promise<void> {
  const { io } = ctx;
  const absolute = requireInputFile(file, io.cwd);
  const db = resolveDb(options, io);
  const progress = createProgress(io.stderr, `ingest ${kind}`);
  const report = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
    engine.ingest(kind, absolute, { system: options.system, onProgress: progress.update }),
  );
  progress.finish();
  if (options.json) return printJson(io, { command: `ingest ${kind}`, db: db.path, ...report });
  print(io, ...describeIngest(report, path.basename(file), kind));
  if (kind === 'reference') print(io, `Next: em ingest source FILE${db.flag}`);
  else print(io, `Next: em run${db.flag}`);
}

/** Human summary of one ingest: counts that reconcile, then warnings (first few). */
export function describeIngest(report: IngestReport, name: string, kind: string): string[] {
  const reconciled = report.read === report.loaded + report.quarantined;
  const lines = [
    `Ingested ${name} (${kind})`,
    renderKeyValues([
      // physical lines, beside records: a record may span lines, a stray quote must not swallow them
      ...(report.lines === undefined ? [] : [['lines', formatCount(report.lines)] as [string, string]]),
      ['read', formatCount(report.read)],
      ['loaded', formatCount(report.loaded)],
      ['quarantined', formatCount(report.quarantined)],
      ['  new', formatCount(report.inserted)],
      ['  updated', formatCount(report.updated)],
      ['  unchanged', formatCount(report.unchanged)],
    ]),
    reconciled
      ? 'read = loaded + quarantined ✓'
      : `read ≠ loaded + quarantined ✗ (${report.read} vs ${report.loaded} + ${report.quarantined})`,
  ];
  if (report.quarantined > 0) lines.push('Quarantined rows and reasons: SELECT * FROM gold.quarantine');
  const warnings = report.warnings;
  if (warnings.length > 0) {
    lines.push(`Warnings (${formatCount(warnings.length)}):`);
    for (const warning of warnings.slice(0, MAX_WARNINGS_SHOWN)) lines.push(`  - ${warning}`);
    if (warnings.length > MAX_WARNINGS_SHOWN) {
      lines.push(`  … and ${formatCount(warnings.length - MAX_WARNINGS_SHOWN)} more (--json lists all)`);
    }
  }
  return lines;
}
