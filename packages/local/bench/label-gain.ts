/**
 * Does `em label` pay? Company split (lib/company-split.ts). Train without labels; run the
 * cascade on the training half's sources and let `labelQueue` (what `em label` asks) pick N
 * of them; answer them from gold_dev as a person would; retrain with the answers (as
 * `em label` does: self-supervision + answers); compare on the evaluation half with the
 * no-label model and with a model trained on every gold label of the training half.
 *
 *   npx tsx --conditions=@em/source packages/local/bench/label-gain.ts [--labels 100] [--seed 1] [--data DIR]
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
const seed = Number(arg('seed') ?? 1);
const count = Number(arg('labels') ?? 100);
const { data, split } = process.argv.includes('--dev')
  ? developmentSplit(loaded)
  : { data: loaded, split: splitByCompany(loaded) };
const truth = (s: { source_id: string; source_system: string }) => data.gold.get(sourceKey(s))!.trueCiqId;

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
  `em label asked ${asked.length} of ${cases.length} training-half cases (${answers.filter((a) => a.trueCiqId === null).length} answered "none")`,
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
for (const r of rows) console.log(r.log.join('\n'));
const gap = (k: 'f1' | 'hardF1' | 'autoPrecision') =>
  all[k] === none[k] ? 'n/a' : `${(((labelled[k] - none[k]) / (all[k] - none[k])) * 100).toFixed(0)}%`;
console.log('\nmode        | F1     | hard F1 | auto P | auto rate');
for (const r of rows)
  console.log(
    `${r.mode.padEnd(11)} | ${r.f1.toFixed(4)} | ${r.hardF1.toFixed(4)}  | ${r.autoPrecision.toFixed(4)} | ${r.autoRate.toFixed(4)}`,
  );
console.log(
  `gap closed by ${count} labels: F1 ${gap('f1')}, hard F1 ${gap('hardF1')}, auto precision ${gap('autoPrecision')}`,
);
