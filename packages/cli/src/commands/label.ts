import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { type EmbeddedEngine, withEngine } from '../engine.js';
import { requireInputFile, requireOutputPath } from '../files.js';
import { print, printJson } from '../io.js';
import { integerAtLeast } from '../option-parsers.js';
import { formatCount } from '../output/format.js';
import { readLabelCsv, writeLabelCsv } from './label-csv.js';
import { retrainWithLabels } from './label-retrain.js';
import { labelSession } from './label-session.js';
import { defaultDecider } from './review-decider.js';
import { terminalKeys } from './review-keys.js';

interface LabelOptions extends CommonOptions {
  count?: number;
  export?: string;
  import?: string;
  by?: string;
  retrain: boolean;
}

export function register(program: Command, { io, openEngine }: CliContext): void {
  defineCommand(program, {
    name: 'label',
    description:
      'Active learning: answer the pairs that would teach the pair model most (uncertain or disputed ones), then retrain and see the measured gain. Answers are training labels only; the gold table changes through em review.',
    examples: [
      'em label',
      'em label --count 50 --by alice',
      'em label --export to-label.csv --count 100',
      'em label --import to-label.csv',
    ],
  })
    .option('--count <n>', 'how many cases to ask about (default 20; 100 with --export)', integerAtLeast(1))
    .option(
      '--export <file.csv>',
      'write the cases to a CSV with an empty answer column (1-5, a ciq_id, or none)',
    )
    .option('--import <file.csv>', 'read the answers of a filled-in --export file')
    .option('--by <name>', 'who answers (default: $USER)')
    .option('--no-retrain', 'only record the answers; the next em train uses them')
    .action(async (options: LabelOptions) => {
      const db = resolveDb(options, io);
      const local = await import('@em/local');
      const labelsFile = local.labelsPathFor(db.path);
      const by = options.by ?? defaultDecider(io);
      const queue = (engine: EmbeddedEngine, count: number) =>
        local
          .readLabelCases((sql) => engine.query(sql))
          .then((cases) =>
            local.labelQueue(cases, count, local.labelledKeys(local.readPairLabels(labelsFile))),
          );
      if (options.export) {
        const out = requireOutputPath(options.export, io.cwd);
        const cases = await withEngine(openEngine, db.path, (engine) => queue(engine, options.count ?? 100));
        await writeLabelCsv(out, cases);
        if (options.json) return printJson(io, { command: 'label', export: out, cases: cases.length });
        return print(
          io,
          `Wrote ${formatCount(cases.length)} cases to ${out}: fill in "answer", then em label --import ${options.export}${db.flag}`,
        );
      }
      const recorded = await withEngine(openEngine, db.path, async (engine) => {
        let added: Awaited<ReturnType<typeof readLabelCsv>>;
        if (options.import) {
          const file = requireInputFile(options.import, io.cwd, 'label CSV');
          added = await readLabelCsv(
            file,
            async (ids) => {
              const rows = await engine.query<{ ciq_id: string }>(
                'SELECT ciq_id FROM bronze.reference_entities WHERE list_contains($1::VARCHAR[], ciq_id)',
                [ids as string[]],
              );
              return new Set(rows.map((r) => r.ciq_id));
            },
            by,
            new Date().toISOString(),
          );
        } else {
          const interactive = !options.json && io.stdout.isTTY === true && process.stdin.isTTY === true;
          const cases = await queue(engine, options.count ?? 20);
          if (!interactive) {
            print(
              io,
              `${formatCount(cases.length)} cases would teach the model most. Not a terminal: use em label --export FILE.csv, fill in the answers, then em label --import FILE.csv.`,
            );
            return [];
          }
          const keys = terminalKeys(process.stdin);
          try {
            added = await labelSession(
              cases,
              { write: (t) => io.stdout.write(t), readKey: keys.next },
              by,
              labelsFile,
            );
          } finally {
            keys.close();
          }
        }
        if (options.import) local.appendPairLabels(labelsFile, added);
        const lines = added.length > 0 && options.retrain ? await retrainWithLabels(engine, db.path) : [];
        return { added, lines };
      });
      if (Array.isArray(recorded)) return;
      const total = local.readPairLabels(labelsFile).length;
      if (options.json)
        return printJson(io, { command: 'label', recorded: recorded.added.length, total, labelsFile });
      print(
        io,
        `Recorded ${formatCount(recorded.added.length)} labels by ${by} (${formatCount(total)} in ${labelsFile}).`,
        ...(recorded.lines.length > 0 ? ['', ...recorded.lines] : []),
        '',
        `Next: em run${db.flag} (rescores with the new model)`,
      );
    });
}
