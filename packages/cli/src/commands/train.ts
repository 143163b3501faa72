import { InputError, SourceEntity } from '@em/core';
import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { type Engine, withEngine } from '../engine.js';
import { requireInputFile } from '../files.js';
import { print, printJson } from '../io.js';
import { integerAtLeast, probability } from '../option-parsers.js';
import { formatCount, formatPercent } from '../output/format.js';
import { renderKeyValues } from '../output/table.js';

interface TrainOptions extends CommonOptions {
  labels?: string;
  labelFraction: number;
  pairs: number;
  seed: number;
  holdoutFraction: number;
}

/** Gold rows joined to the ingested source records, in a stable order. */
const labelsSql = (file: string): string => `
  SELECT g.source_id AS gold_source_id, g.source_system AS gold_source_system,
         NULLIF(trim(g.true_ciq_id), '') AS true_ciq_id,
         s.source_id, s.source_system, s.company_name, s.ticker, s.lei, s.cusip, s.isin, s.country, s.industry
  FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true) g
  LEFT JOIN bronze.source_entities s ON s.source_id = g.source_id AND s.source_system = g.source_system
  ORDER BY g.source_system, g.source_id`;

export async function readLabels(engine: Engine, file: string) {
  let rows: Record<string, unknown>[];
  try {
    rows = await engine.query(labelsSql(file));
  } catch (cause) {
    throw new InputError(
      `${file}: cannot read it as a gold standard (${(cause as Error).message.split('\n')[0]}). It needs a header with source_id, source_system and true_ciq_id.`,
      { cause },
    );
  }
  const found = rows.filter((r) => r.source_id !== null && r.source_id !== undefined);
  if (found.length === 0) {
    throw new InputError(
      `${file}: none of its ${rows.length} rows matches an ingested source record; ingest the sources first (em ingest source <file>).`,
    );
  }
  return {
    labels: found.map((r) => ({
      source: SourceEntity.parse(r),
      trueCiqId: (r.true_ciq_id as string | null) ?? null,
    })),
    missing: rows.length - found.length,
  };
}

export function register(program: Command, { io, openEngine }: CliContext): void {
  defineCommand(program, {
    name: 'train',
    description:
      'Train the pair model (gradient-boosted trees) from a gold standard or, without one, from perturbed reference rows; saves it beside the database.',
    examples: [
      'em train --labels gold.csv',
      'em train --labels gold.csv --label-fraction 0.5 --seed 1',
      'em train --pairs 20000 --seed 7',
    ],
  })
    .option(
      '--labels <gold.csv>',
      'gold standard (source_id, source_system, true_ciq_id; empty = no match) of ingested sources',
    )
    .option(
      '--label-fraction <f>',
      'train only on labels whose key hashes into this fraction (0.5 = a hash-half)',
      probability,
      1,
    )
    .option(
      '--pairs <n>',
      'without --labels: about this many labelled pairs from perturbed reference rows',
      integerAtLeast(20),
      1000,
    )
    .option(
      '--seed <s>',
      'seed for sampling, perturbation and trees (same seed, same model)',
      integerAtLeast(0),
      1,
    )
    .option(
      '--holdout-fraction <f>',
      'share of labelled sources held out (by key hash) for calibration, thresholds and the report',
      probability,
      0.2,
    )
    .action(async (options: TrainOptions) => {
      const labelsFile = options.labels ? requireInputFile(options.labels, io.cwd, 'gold standard') : null;
      const db = resolveDb(options, io);
      const { readReferenceRows, trainLocalModel } = await import('@em/local');
      const { reference, labels, missing } = await withEngine(openEngine, db.path, async (engine) => {
        const reference = await readReferenceRows((sql) => engine.query(sql));
        const read = labelsFile ? await readLabels(engine, labelsFile) : { labels: null, missing: 0 };
        return { reference, ...read };
      });
      if (reference.length === 0)
        throw new InputError(`${db.shown} has no reference rows; run em ingest reference <file> first.`);
      const trained = trainLocalModel(db.path, reference, {
        labels,
        labelFraction: options.labelFraction,
        pairs: options.pairs,
        seed: options.seed,
        holdoutFraction: options.holdoutFraction,
      });
      const r = trained.report;
      if (options.json)
        return printJson(io, { command: 'train', db: db.path, ...trained, labelsWithoutSource: missing });
      const pct = (m: { precision: number; recall: number; threshold: number }) =>
        `precision ${formatPercent(m.precision)}, recall ${formatPercent(m.recall)} at ${m.threshold.toFixed(2)}`;
      print(
        io,
        `Trained pair model ${trained.modelVersion} (${(trained.bytes / 1024).toFixed(0)} KiB) from ${trained.training.source === 'labels' ? 'gold labels' : 'perturbed reference rows'}.`,
        '',
        renderKeyValues([
          ['model', trained.modelPath],
          ['index', `${trained.index.path} (${trained.index.status}: ${trained.index.reason})`],
          [
            'sources',
            formatCount(trained.training.sources) +
              (missing > 0 ? ` (${formatCount(missing)} labels had no ingested source)` : ''),
          ],
          [
            'pairs',
            `${formatCount(trained.training.pairs)} (${formatCount(trained.training.positives)} positive)`,
          ],
          [
            'held out',
            `${formatCount(r.heldOutSources)} sources, ${formatCount(r.heldOutPairs)} pairs, AUC ${r.pairLevel.auc.toFixed(4)}`,
          ],
          ['accept threshold', pct(r.atPairAccept)],
          ['auto-match threshold', pct(r.atAutoMatch)],
          ['at 0.80 / 0.90', `${pct(r.atDefaults.accept080)} · ${pct(r.atDefaults.auto090)}`],
          [
            'top features',
            r.importance
              .slice(0, 5)
              .map((i) => `${i.feature} ${formatPercent(i.gain)}`)
              .join(', '),
          ],
        ]),
        '',
        `Next: em run${db.flag} (uses the model automatically)`,
      );
    });
}
