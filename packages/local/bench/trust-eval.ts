/**
 * Honest numbers, no labels against labels. Splits the data by true company (see
 * lib/company-split.ts), then for each mode trains a pair model, runs the cascade on the
 * evaluation half and prints F1, hard-row F1, auto-matched precision and the auto-match rate
 * of matchable rows, with the model's own estimate of its auto-matched precision beside the
 * measured one.
 *   no-labels: what `em train` does without a gold standard (reference + every source, unlabelled)
 *   labels:    `em train --labels` with the gold rows of the training half only
 *
 *   npx tsx --conditions=@em/source packages/local/bench/trust-eval.ts
 *     [--data DIR]      default ../shared/data/companies; a fixtures folder (reference.csv, source.csv, gold.csv) works too
 *     [--modes no-labels,labels] [--seed 1] [--swap] [--json FILE]
 *     [--gbdt JSON]     GBDT options over the defaults, e.g. '{"nTrees":150}'
 *     [--max-sources N] self-supervised: read at most N sources (em train --max-sources)
 *     [--dev]           tune here: the training half only, split again by company (never the reported rows)
 */
import { writeFileSync } from 'node:fs';
import { sourceKey } from '@em/core';
import { loadCompanies } from './lib/companies-data.js';
import { developmentSplit, splitByCompany } from './lib/company-split.js';
import { evaluateModel, type TrustRow } from './lib/evaluate-model.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const loaded = loadCompanies(arg('data'));
const seed = Number(arg('seed') ?? 1);
const modes = (arg('modes') ?? 'no-labels,labels').split(',');
const { data, split } = process.argv.includes('--dev')
  ? developmentSplit(loaded)
  : { data: loaded, split: splitByCompany(loaded, process.argv.includes('--swap')) };
console.log(
  `${process.argv.includes('--dev') ? 'DEVELOPMENT split (training half only); ' : ''}data: ${data.reference.length} reference, ${data.sources.length} sources; company split: ${split.train.length} train, ${split.evaluation.length} evaluation sources`,
);

const rows: TrustRow[] = [];
for (const mode of modes) {
  const labels =
    mode === 'labels'
      ? split.train.map((s) => ({ source: s, trueCiqId: data.gold.get(sourceKey(s))!.trueCiqId }))
      : null;
  if (mode !== 'labels' && mode !== 'no-labels') throw new Error(`unknown mode ${mode}`);
  const row = await evaluateModel(data, split.evaluation, {
    mode,
    labels,
    seed,
    ...(arg('gbdt') ? { gbdt: JSON.parse(arg('gbdt')!) } : {}),
    ...(arg('max-sources') ? { maxSources: Number(arg('max-sources')) } : {}),
  });
  rows.push(row);
  console.log(row.log.join('\n'));
}

const pct = (v: number | null) => (v === null ? 'n/a' : v.toFixed(4));
console.log('\nmode       | F1     | hard F1 | auto P | auto rate | est. auto P      | train s | run /s');
for (const r of rows) {
  console.log(
    `${r.mode.padEnd(10)} | ${pct(r.f1)} | ${pct(r.hardF1)}  | ${pct(r.autoPrecision)} | ${pct(r.autoRate)}    | ${r.estimated === null ? 'n/a'.padEnd(16) : `${pct(r.estimated.precision)} ±${r.estimated.halfWidth.toFixed(4)}`} | ${r.trainSeconds.toFixed(1).padStart(7)} | ${r.perSecond.toFixed(0)}`,
  );
}
const out = arg('json');
if (out)
  writeFileSync(
    out,
    `${JSON.stringify(
      rows.map(({ log: _, ...r }) => r),
      null,
      2,
    )}\n`,
  );
