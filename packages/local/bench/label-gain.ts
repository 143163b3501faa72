/**
 * Does `em label` pay? Company split (lib/company-split.ts). Train without labels; run the
 * cascade on the training half's sources and let `labelQueue` (what `em label` asks) pick N
 * of them; answer them from gold_dev as a person would; retrain with the answers (as
 * `em label` does: self-supervision + answers); compare on the evaluation half with the
 * no-label model and with a model trained on every gold label of the training half. Each seed
 * retrains all three (self-supervision, GBDT sampling and the questions asked all follow it);
 * one seed's gap moves by tens of points, so the verdict is the mean over seeds.
 *
 *   npx tsx --conditions=@em/source packages/local/bench/label-gain.ts [--labels 100] [--seeds 1,2,3] [--data DIR]
 *     [--dev]   tune here: the training half only, split again by company (never the reported rows)
 */
import { sourceKey } from '@em/core';
import { labelQueue } from '../src/index.js';
import { loadCompanies } from './lib/companies-data.js';
import { developmentSplit, splitByCompany } from './lib/company-split.js';
import { evaluateModel, type TrustRow } from './lib/evaluate-model.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const loaded = loadCompanies(arg('data'));
const seeds = (arg('seeds') ?? arg('seed') ?? '1,2,3').split(',').map(Number);
const count = Number(arg('labels') ?? 100);
const { data, split } = process.argv.includes('--dev')
  ? developmentSplit(loaded)
  : { data: loaded, split: splitByCompany(loaded) };
const truth = (s: { source_id: string; source_system: string }) => data.gold.get(sourceKey(s))!.trueCiqId;
type Metric = 'f1' | 'hardF1' | 'autoPrecision' | 'autoRate';
const METRICS: readonly Metric[] = ['f1', 'hardF1', 'autoPrecision', 'autoRate'];
const table: string[] = ['seed | mode        | F1     | hard F1 | auto P | auto rate'];
const gaps: Record<'f1' | 'hardF1', number[]> = { f1: [], hardF1: [] };
const means = new Map<string, number[]>();

for (const seed of seeds) {
  // 1. No labels; the same model decides the training half, whose cases em label ranks.
  const none = await evaluateModel(data, split.evaluation, {
    mode: 'no-labels',
    labels: null,
    seed,
    extra: split.train,
  });
  const cases = none.extraResults!.map((r, i) => ({
    source_id: r.source_id,
    source_system: r.source_system,
    match_method: r.match_method,
    candidates: r.candidates,
    source: split.train[i]!,
  }));
  const asked = labelQueue(cases, count);
  const answers = asked.map((c) => ({ source: c.source, trueCiqId: truth(c.source) }));
  console.log(
    `seed ${seed}: em label asked ${asked.length} of ${cases.length} training-half cases (${answers.filter((a) => a.trueCiqId === null).length} answered "none")`,
  );
  // 2. With the answers; 3. with every gold label of the training half.
  const labelled = await evaluateModel(data, split.evaluation, {
    mode: `${count}-labels`,
    labels: null,
    seed,
    answers,
  });
  const all = await evaluateModel(data, split.evaluation, {
    mode: 'all-labels',
    labels: split.train.map((s) => ({ source: s, trueCiqId: truth(s) })),
    seed,
  });
  const rows: TrustRow[] = [none, labelled, all];
  for (const r of rows) {
    console.log(r.log.join('\n'));
    table.push(
      `${String(seed).padStart(4)} | ${r.mode.padEnd(11)} | ${r.f1.toFixed(4)} | ${r.hardF1.toFixed(4)}  | ${r.autoPrecision.toFixed(4)} | ${r.autoRate.toFixed(4)}`,
    );
    const m = means.get(r.mode) ?? [0, 0, 0, 0];
    METRICS.forEach((k, i) => {
      m[i]! += r[k] / seeds.length;
    });
    means.set(r.mode, m);
  }
  for (const k of ['f1', 'hardF1'] as const)
    gaps[k].push(all[k] === none[k] ? Number.NaN : (labelled[k] - none[k]) / (all[k] - none[k]));
}
for (const [mode, m] of means)
  table.push(
    `mean | ${mode.padEnd(11)} | ${m.map((v, i) => v.toFixed(4) + (i === 1 ? ' ' : '')).join(' | ')}`,
  );
console.log(`\n${table.join('\n')}`);
const pct = (xs: readonly number[]) => xs.map((x) => `${(x * 100).toFixed(0)}%`).join(', ');
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** The mean's standard error over seeds (how far another set of seeds may move it), as ± points. */
const spread = (xs: readonly number[]): string => {
  if (xs.length < 2) return '';
  const m = mean(xs);
  const variance = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  return ` ± ${(Math.sqrt(variance / xs.length) * 100).toFixed(0)}`;
};
console.log(
  `gap closed by ${count} labels, per seed: F1 ${pct(gaps.f1)}; hard F1 ${pct(gaps.hardF1)}\n` +
    `mean over ${seeds.length} seeds (± standard error): F1 ${(mean(gaps.f1) * 100).toFixed(0)}%${spread(gaps.f1)}, hard F1 ${(mean(gaps.hardF1) * 100).toFixed(0)}%${spread(gaps.hardF1)}`,
);
