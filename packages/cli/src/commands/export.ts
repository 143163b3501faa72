import path from 'node:path';
import { InputError } from '@em/core';
import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { requireOutputPath } from '../files.js';
import { print, printJson } from '../io.js';
import { formatCount } from '../output/format.js';

const EXTENSIONS = ['.csv', '.parquet', '.jsonl'] as const;

interface ExportOptions extends CommonOptions {
  out: string;
}

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(program, {
    engine: true,
    name: 'export',
    description: 'Write the gold table (one row per source record, with match and confidence) to a file.',
    examples: ['em export --out gold.csv', 'em export --out gold.parquet --db ./data/em.duckdb'],
  })
    .requiredOption(
      '--out <file>',
      `output file; the format follows the extension (${EXTENSIONS.join(', ')})`,
    )
    .action(async (options: ExportOptions) => {
      const extension = path.extname(options.out).toLowerCase();
      if (!(EXTENSIONS as readonly string[]).includes(extension)) {
        throw new InputError(
          `--out ${options.out}: unknown format "${extension || '(none)'}"; end the file name in ${EXTENSIONS.join(', ')}.`,
        );
      }
      const out = requireOutputPath(options.out, io.cwd);
      const db = resolveDb(options, io);
      const result = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
        engine.exportGold(out),
      );
      if (options.json) return printJson(io, { command: 'export', db: db.path, ...result });
      print(io, `Exported ${formatCount(result.rows)} gold rows to ${options.out}.`);
    });
}
