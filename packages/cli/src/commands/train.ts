import type { Command } from 'commander';
import { type CommonOptions, defineCommand, resolveDb } from '../common-options.js';
import type { CliContext } from '../context.js';
import { withSelectedEngine } from '../engine-factory.js';
import { requireInputFile } from '../files.js';
import { print, printJson } from '../io.js';
import { integerAtLeast, probability } from '../option-parsers.js';
import { formatCount, formatEstimate, formatPercent } from '../output/format.js';
import { renderKeyValues, renderTable } from '../output/table.js';

interface TrainOptions extends CommonOptions {
  labels?: string;
  labelFraction: number;
  pairs: number;
  seed: number;
  holdoutFraction: number;
  reviewLabels: boolean;
  evalLabels?: string;
  maxSources?: number;
}

type ModelComparison = import('@em/local').ModelComparison;
type Metric = 'precision' | 'recall' | 'f1' | 'autoMatchRate' | 'autoPrecision';
const METRICS: readonly (readonly [Metric, string])[] = [
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['f1', 'F1'],
  ['autoMatchRate', 'auto-match rate'],
  ['autoPrecision', 'auto-match precision'],
];

/** Previous vs new model, one metric a line. */
export function renderComparison(c: ModelComparison): string {
  const set =
    c.on === 'eval-labels'
      ? `the evaluation labels (${formatCount(c.sources)} sources, whole cascade)`
      : `this training's held-out part (${formatCount(c.sources)} sources, pair model alone)`;
  const head = c.previous
    ? `Previous ${c.previous.modelVersion} → new ${c.current.modelVersion} on ${set}:`
    : `New ${c.current.modelVersion} on ${set} (${c.previousMissing}):`;
  const signed = (d: number) => `${d >= 0 ? '+' : '−'}${(Math.abs(d) * 100).toFixed(1)} pt`;
  const rows = METRICS.map(([key, label]) => ({
    label,
    previous: c.previous ? formatPercent(c.previous[key]) : '–',
    current: formatPercent(c.current[key]),
    delta: c.delta ? signed(c.delta[key]) : '–',
  }));
  return `${head}\n${renderTable(rows, [
    { label: '', value: (r) => r.label },
    { label: 'previous', value: (r) => r.previous, align: 'right' },
    { label: 'new', value: (r) => r.current, align: 'right' },
    { label: 'change', value: (r) => r.delta, align: 'right' },
  ])}`;
}

const TRAINING_SOURCES: Record<string, string> = {
  labels: 'gold labels',
  'self-supervised':
    'the ingested sources without labels (self-supervised: strong evidence as pseudo-labels)',
  perturbation: 'perturbed reference rows (no sources ingested yet)',
  'self-trained':
    "the ingested sources, self-trained: a self-supervised model's confident decisions, with people's labels (em review, em label) in place of its own",
};

type ModelTrust = NonNullable<import('@em/local').PairModelArtifact['trust']>;
type SelfSupervisedStats = import('@em/local').SelfSupervisedStats;
type SelfTrainingStats = import('@em/local').SelfTrainingStats;

/** Recall@k of the candidates over the labelled matches, in all and per channel. */
export function describeChannelRecall(r: import('@em/core/cascade').ChannelRecall): string {
  const share = (n: number) => formatPercent(n / Math.max(1, r.matches));
  const channels = Object.entries(r.byChannel)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([channel, n]) => `${channel} ${share(n)}`)
    .join(', ');
  return `${share(r.found)} of ${formatCount(r.matches)} labelled matches among the candidates (all channels); found by ${channels || 'no channel'}`;
}

/** The model's own estimate of its auto-matches, and what it rests on. */
export function describeModelTrust(
  trust: ModelTrust | undefined,
  self: SelfSupervisedStats | null,
  selfTraining: SelfTrainingStats | null = null,
): [string, string][] {
  if (!trust) return [];
  const lines: [string, string][] = [];
  if (selfTraining) {
    const t = selfTraining;
    lines.push([
      'self-training',
      `${formatCount(t.sourcesRead)} sources read: ${formatCount(t.identifierMatches)} identifier matches with agreeing names, ${formatCount(t.confidentMatches)} confident matches, ${formatCount(t.confidentNone)} confident no-match; ${formatCount(t.labelledByPeople)} labelled by people`,
    ]);
  }
  if (self) {
    const e = self.evidence;
    lines.push([
      'evidence',
      `${formatCount(self.sourcesRead)} sources read: ${formatCount(e.identifier)} identifier + agreeing name, ${formatCount(e.exact_name)} unique exact name, ${formatCount(e.ticker_name)} ticker + close name; ${formatCount(self.tickerOnly)} ticker-only leads trained at match rate ${formatPercent(self.tickerOnlyMatchRate)} (ticker collisions ${formatPercent(self.tickerCollisionRate)})`,
    ]);
  }
  const p = trust.autoPrecision;
  lines.push([
    'est. auto-match precision',
    p
      ? `${formatEstimate(p.estimate)} (95% ${formatPercent(p.low)}–${formatPercent(p.high)}, ${formatCount(p.n)} held-out decisions ≥ ${trust.autoMatchThreshold.toFixed(2)}) on ${trust.basis}`
      : `cannot be estimated: too few held-out decisions on ${trust.basis}`,
  ]);
  if (trust.reviewBelow !== null) {
    lines.push([
      'lowered to review',
      trust.reviewBelow > 1
        ? `every pair-model match (the estimate is below ${formatPercent(trust.target)} or cannot be made)`
        : `pair scores in [${trust.autoMatchThreshold.toFixed(2)}, ${trust.reviewBelow.toFixed(2)}): with them the estimate falls below ${formatPercent(trust.target)}`,
    ]);
  }
  if (!trust.validatedOnLabels)
    lines.push([
      'validated',
      'never validated on labels from this data: label ~100 pairs with em label to check it',
    ]);
  return lines;
}

export function register(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  defineCommand(program, {
    engine: true,
    name: 'train',
    description:
      'Train the pair model (gradient-boosted trees) from a gold standard or, without one, self-supervised from the ingested sources (strong evidence as pseudo-labels), plus every review decision; estimates its auto-match precision, reports how it changed and saves it beside the database.',
    examples: [
      'em train --labels gold.csv',
      'em train --labels gold.csv --label-fraction 0.5 --seed 1',
      'em train --pairs 20000 --seed 7',
      'em train --eval-labels holdout.csv --json',
      'em train --no-review-labels',
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
      'without --labels and with no sources ingested: about this many pairs from perturbed reference rows',
      integerAtLeast(20),
      1000,
    )
    .option(
      '--max-sources <n>',
      'without --labels: read at most this many ingested sources for self-supervised training (default 20000; a deterministic sample beyond it)',
      integerAtLeast(20),
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
    .option(
      '--no-review-labels',
      'leave out the decisions of `em review` (by default each is a labelled source)',
    )
    .option(
      '--eval-labels <gold.csv>',
      'fixed gold standard of ingested sources: report the previous and the new model on it (default: the held-out part)',
    )
    .action(async (options: TrainOptions) => {
      const labelsFile = options.labels ? requireInputFile(options.labels, io.cwd, 'gold standard') : null;
      const evalFile = options.evalLabels
        ? requireInputFile(options.evalLabels, io.cwd, 'evaluation gold standard')
        : null;
      const db = resolveDb(options, io);
      const trained = await withSelectedEngine(ctx, options.engine ?? 'local', db.path, (engine) =>
        engine.train({
          labelsFile,
          evalLabelsFile: evalFile,
          labelFraction: options.labelFraction,
          pairs: options.pairs,
          ...(options.maxSources !== undefined ? { maxSources: options.maxSources } : {}),
          seed: options.seed,
          holdoutFraction: options.holdoutFraction,
          reviewLabels: options.reviewLabels,
        }),
      );
      const { comparison, labelsWithoutSource: missing } = trained;
      const r = trained.report;
      if (options.json) {
        const { artifact: _, previous, index, comparison: __, labelsWithoutSource: ___, ...rest } = trained;
        return printJson(io, {
          command: 'train',
          db: db.path,
          ...rest,
          index: {
            path: index.path,
            status: index.status,
            reason: index.reason,
            fingerprint: index.fingerprint,
          },
          previousModelVersion: previous?.modelVersion ?? null,
          reviewLabels: options.reviewLabels,
          comparison,
          labelsWithoutSource: missing,
        });
      }
      const review = trained.training.review;
      const pct = (m: { precision: number; recall: number; threshold: number }) =>
        `precision ${formatPercent(m.precision)}, recall ${formatPercent(m.recall)} at ${m.threshold.toFixed(2)}`;
      print(
        io,
        `Trained pair model ${trained.modelVersion} (${(trained.bytes / 1024).toFixed(0)} KiB) from ${TRAINING_SOURCES[trained.training.source] ?? trained.training.source}.`,
        '',
        renderKeyValues(
          [
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
              'review decisions',
              !options.reviewLabels
                ? 'left out (--no-review-labels)'
                : review.sources === 0
                  ? 'none yet (decisions from em review are used here)'
                  : `${formatCount(review.sources)} sources (${formatCount(review.matches)} matches, ${formatCount(review.sources - review.matches)} no match), ${formatCount(review.pairs)} pairs` +
                    (review.replacedGold > 0
                      ? `; replace ${formatCount(review.replacedGold)} gold labels`
                      : '') +
                    (trained.artifact.training.refinement
                      ? `; the model is fit without them, then ${trained.artifact.training.refinement.options.nTrees} trees boosted on with them`
                      : ''),
            ],
            [
              'held out',
              `${formatCount(r.heldOutSources)} sources, ${formatCount(r.heldOutPairs)} pairs, AUC ${r.pairLevel.auc.toFixed(4)}`,
            ],
            ['accept threshold', pct(r.atPairAccept)],
            ['auto-match threshold', pct(r.atAutoMatch)],
            ['at 0.80 / 0.90', `${pct(r.atDefaults.accept080)} · ${pct(r.atDefaults.auto090)}`],
            ...(trained.training.channelRecall
              ? ([['candidate recall', describeChannelRecall(trained.training.channelRecall)]] as [
                  string,
                  string,
                ][])
              : []),
            ...describeModelTrust(
              trained.artifact.trust,
              trained.training.selfSupervised,
              trained.training.selfTraining,
            ),
            [
              'top features',
              r.importance
                .slice(0, 5)
                .map((i) => `${i.feature} ${formatPercent(i.gain)}`)
                .join(', '),
            ],
          ],
          { align: 'left' },
        ),
        '',
        renderComparison(comparison),
        '',
        `Next: em run${db.flag} (uses the model automatically)`,
      );
    });
}
