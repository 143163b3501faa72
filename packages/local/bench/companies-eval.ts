/**
 * Companies benchmark without the engine: train the pair model on a hash-half of gold_dev,
 * run the cascade (core's runCascade with an in-memory identifier lookup, our index
 * retriever and GBDT scorer) on the other half, print the issue's metrics and the errors.
 *
 *   npx tsx --conditions=@em/source packages/local/bench/companies-eval.ts [--seed 1] [--errors 40]
 *     [--perturb N]   train from N perturbed reference pairs instead of labels
 *     [--all]         train and evaluate on all of dev (for the record; optimistic)
 *     [--swap]        train on the other hash-half and evaluate on the first
 */
import { parseCascadeConfig, runCascade, sourceKey } from '@em/core';
import { createInMemoryBackends } from '@em/core/testing';
import {
  buildTrainingPairs,
  GbdtPairScorer,
  IndexRetriever,
  inHashFraction,
  NameIndex,
  ReferenceIdentifiers,
  trainPairModel,
} from '../src/index.js';
import { loadCompanies } from './lib/companies-data.js';
import { fmt, metrics, type Row } from './lib/match-metrics.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seed = Number(arg('seed') ?? 1);
const perturb = arg('perturb');
const useAll = process.argv.includes('--all');
const showErrors = Number(arg('errors') ?? 40);

const data = loadCompanies();
// The half `em train --label-fraction 0.5` trains on; --swap trains on the other half.
const swap = process.argv.includes('--swap');
const firstHalf = (key: string): boolean => inHashFraction(key, 0.5, 0) !== swap;
const inTrain = (key: string): boolean => useAll || firstHalf(key);
const inEval = (key: string): boolean => useAll || !firstHalf(key);

let t = performance.now();
const index = NameIndex.build(data.reference);
const retriever = new IndexRetriever(index, data.reference);
const identifiers = new ReferenceIdentifiers(data.reference);
console.log(`index: ${data.reference.length} rows in ${(performance.now() - t).toFixed(0)} ms`);

t = performance.now();
const labels = data.sources
  .filter((s) => inTrain(sourceKey(s)))
  .map((s) => ({ source: s, trueCiqId: data.gold.get(sourceKey(s))!.trueCiqId }));
const built = buildTrainingPairs(
  { reference: data.reference, retriever, identifiers },
  perturb ? null : labels,
  { seed, pairs: Number(perturb ?? 1000) },
);
const trained = trainPairModel(built.pairs, {
  featureSet: built.featureSet,
  featureNames: built.featureNames,
  source: built.source,
  seed,
});
const r = trained.report;
console.log(
  `train: ${built.source}, ${built.sources} sources, ${built.pairs.length} pairs (${built.positives} positive, truth not retrieved ${built.truthNotRetrieved}) in ${((performance.now() - t) / 1000).toFixed(1)} s; model ${trained.modelVersion}, ${(trained.text.length / 1024).toFixed(0)} KiB`,
);
console.log(
  `held-out pairs ${r.heldOutPairs}: AUC ${r.pairLevel.auc.toFixed(4)} logloss ${r.pairLevel.logLoss.toFixed(4)}; accept@${r.atPairAccept.threshold} P ${r.atPairAccept.precision.toFixed(4)} R ${r.atPairAccept.recall.toFixed(4)}; auto@${r.atAutoMatch.threshold} P ${r.atAutoMatch.precision.toFixed(4)} R ${r.atAutoMatch.recall.toFixed(4)}`,
);
console.log(
  `importance: ${r.importance
    .slice(0, 12)
    .map((i) => `${i.feature} ${i.gain.toFixed(3)}`)
    .join(', ')}`,
);

const scorer = new GbdtPairScorer(trained.artifact, trained.modelVersion);
const evalSources = data.sources.filter((s) => inEval(sourceKey(s)));
const { lookup } = createInMemoryBackends(data.reference, { retriever: false });
const config = parseCascadeConfig({});
t = performance.now();
const results = await runCascade(evalSources, { lookup, retriever, scorer }, config);
const dt = performance.now() - t;
console.log(
  `cascade: ${evalSources.length} sources in ${(dt / 1000).toFixed(1)} s (${((evalSources.length / dt) * 1000).toFixed(0)}/s)`,
);

const rows = results.map((res, i) => {
  const g = data.gold.get(sourceKey(evalSources[i]!))!;
  return {
    res,
    g,
    row: { predicted: res.matched_ciq_id, truth: g.trueCiqId, confidence: res.match_confidence } as Row,
  };
});
const all = rows.map((x) => x.row);
const hard = rows.filter((x) => x.g.hard).map((x) => x.row);
console.log(`all  rows: ${fmt(metrics(all, 'all'))}`);
console.log(`hard rows: ${fmt(metrics(hard, 'all'))}`);
const auto = metrics(all, 'auto');
console.log(
  `auto (conf ≥ 0.90): precision ${auto.precision.toFixed(4)}, auto-match rate of true-match rows ${auto.autoRateTrueMatch.toFixed(4)} (${fmt(auto)})`,
);
const byMethod = new Map<string, number>();
for (const x of rows) byMethod.set(x.res.match_method, (byMethod.get(x.res.match_method) ?? 0) + 1);
console.log(`methods: ${[...byMethod].map(([m, c]) => `${m} ${c}`).join(', ')}`);

const ks = [1, 5, 10, 20];
const withTruth = evalSources.filter((s) => data.gold.get(sourceKey(s))!.trueCiqId !== null);
const rec = (subset: typeof withTruth) =>
  ks.map((k) => {
    let hit = 0;
    for (const s of subset) {
      const truth = data.gold.get(sourceKey(s))!.trueCiqId;
      if (retriever.retrieveOne(s, k).some((c) => c.entity.ciq_id === truth)) hit++;
    }
    return `@${k} ${(hit / subset.length).toFixed(4)}`;
  });
console.log(`retrieval recall all : ${rec(withTruth).join(' ')}`);
console.log(
  `retrieval recall hard: ${rec(withTruth.filter((s) => data.gold.get(sourceKey(s))!.hard)).join(' ')}`,
);

const byId = new Map(data.reference.map((e) => [e.ciq_id, e]));
// Identifier trust: how sources whose identifier reached the reference ended up.
const outcome = (x: (typeof rows)[number]) =>
  x.row.predicted === x.row.truth ? 'right' : x.row.predicted === null ? 'missed' : 'wrong';
const tally = (subset: typeof rows) => {
  const c = { n: subset.length, right: 0, wrong: 0, missed: 0, auto: 0, autoWrong: 0 };
  for (const x of subset) {
    c[outcome(x)]++;
    if (x.row.confidence >= 0.9) {
      c.auto++;
      if (x.row.predicted !== null && x.row.predicted !== x.row.truth) c.autoWrong++;
    }
  }
  return JSON.stringify(c);
};
const identifiersIndex = new ReferenceIdentifiers(data.reference);
const wrongId = rows.filter((x) => {
  const hits = identifiersIndex.hits(evalSources[rows.indexOf(x)]!);
  return hits.length > 0 && !hits.some((h) => h.ciq_id === x.g.trueCiqId);
});
console.log(
  `identifier trust: exact matches ${tally(rows.filter((x) => x.res.match_method === 'exact_match'))}`,
);
console.log(
  `  untrusted hits (names disagree) ${tally(rows.filter((x) => x.res.reasoning.includes('names disagree')))}`,
);
console.log(
  `  identifier conflicts ${tally(rows.filter((x) => x.res.reasoning.includes('identifier conflict')))}`,
);
console.log(`  identifier points to a wrong row (truth elsewhere or none) ${tally(wrongId)}`);
const errors = rows.filter((x) => x.row.predicted !== x.row.truth);
console.log(`\nerrors: ${errors.length} (showing ${Math.min(showErrors, errors.length)})`);
for (const x of errors.slice(0, showErrors)) {
  const s = evalSources[rows.indexOf(x)]!;
  const truth = x.g.trueCiqId ? byId.get(x.g.trueCiqId)?.company_name : '(none)';
  console.log(
    `${x.g.hard ? 'H' : ' '} ${x.res.match_confidence.toFixed(2)} ${x.res.match_method.padEnd(13)} ${s.company_name} [${s.country}] → ${x.res.matched_company_name ?? '(none)'} | truth ${truth}`,
  );
}
for (const x of wrongId.filter((y) => y.row.predicted !== y.row.truth)) {
  const s = evalSources[rows.indexOf(x)]!;
  console.log(
    `  wrong-identifier error: ${s.company_name} (${s.isin ?? ''} ${s.cusip ?? ''}) → ${x.res.matched_company_name} [${x.res.match_method} ${x.res.match_confidence.toFixed(2)}] | truth ${x.g.trueCiqId ? byId.get(x.g.trueCiqId)?.company_name : '(none)'}`,
  );
}
