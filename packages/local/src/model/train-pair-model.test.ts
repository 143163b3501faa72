import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ReferenceEntity, type ScoringPair, sourceKey } from '@em/core';
import { PAIR_FEATURE_NAMES, PAIR_FEATURE_SET } from '@em/core/features';
import { afterAll, describe, expect, it } from 'vitest';
import { IndexRetriever } from '../retrieval/index-retriever.js';
import { NameIndex } from '../retrieval/name-index.js';
import { decisionMetrics } from './decision-metrics.js';
import { gbdtMargin } from './gbdt-model.js';
import { GbdtPairScorer } from './gbdt-pair-scorer.js';
import { loadLocalBackends } from './local-backends.js';
import { modelPathFor, readArtifact, writeArtifact } from './pair-model-artifact.js';
import { ReferenceIdentifiers } from './reference-identifiers.js';
import { auc, REFINE_GBDT, trainPairModel } from './train-pair-model.js';
import { buildTrainingPairs } from './training-pairs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'em-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORDS = [
  'acme',
  'global',
  'nordic',
  'pacific',
  'delta',
  'orion',
  'summit',
  'vertex',
  'harbor',
  'granite',
  'lumen',
  'cobalt',
];
const KINDS = [
  'Pharmaceuticals',
  'Holdings',
  'Technologies',
  'Mining',
  'Bank',
  'Energy',
  'Logistics',
  'Foods',
];
const FORMS = ['Inc.', 'AG', 'Limited', 'S.A.', 'plc', 'Corporation'];
const reference: ReferenceEntity[] = Array.from({ length: 240 }, (_, i) => ({
  ciq_id: `IQ${i}`,
  company_name: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} ${KINDS[i % KINDS.length]} ${FORMS[i % FORMS.length]}`,
  ticker: `T${i}`,
  lei: null,
  cusip: null,
  isin: null,
  country: ['Germany', 'France', 'United States'][i % 3]!,
  industry: null,
  sector: null,
  market_cap: null,
}));

describe('pair model training', () => {
  const index = NameIndex.build(reference);
  const ctx = {
    reference,
    retriever: new IndexRetriever(index, reference),
    identifiers: new ReferenceIdentifiers(reference),
  };

  it('builds perturbed training pairs: positives, hard negatives, one group per source', () => {
    const built = buildTrainingPairs(ctx, null, { pairs: 600, seed: 3 });
    expect(built.source).toBe('perturbation');
    expect(built.pairs.length).toBeGreaterThan(400);
    expect(built.positives).toBeGreaterThan(60);
    expect(built.pairs.every((p) => p.features.length === PAIR_FEATURE_NAMES.length)).toBe(true);
    // Each group has at most one positive.
    const positives = new Map<string, number>();
    for (const p of built.pairs) positives.set(p.group, (positives.get(p.group) ?? 0) + p.label);
    expect(Math.max(...positives.values())).toBeLessThanOrEqual(1);
  });

  it('with gold labels, adds perturbed-name lists for matched labels: one positive each, kept out of the trust estimate', () => {
    const labels = reference.slice(0, 80).map(({ ciq_id, ...fields }, i) => ({
      source: { ...fields, ticker: null, source_system: 'test', source_id: `s${i}` },
      trueCiqId: i < 60 ? ciq_id : null,
    }));
    const matched = new Set(labels.filter((l) => l.trueCiqId !== null).map((l) => sourceKey(l.source)));
    const without = buildTrainingPairs(ctx, labels, { seed: 2, perturbShare: 0 });
    const built = buildTrainingPairs(ctx, labels, { seed: 2, perturbShare: 1 });
    expect(without.pairs.some((p) => p.instance !== undefined)).toBe(false);
    const perturbed = built.pairs.filter((p) => p.instance?.endsWith('|perturbed'));
    expect(built.pairs.length).toBe(without.pairs.length + perturbed.length);
    const lists = new Map<string, number>();
    for (const p of perturbed) lists.set(p.instance!, (lists.get(p.instance!) ?? 0) + p.label);
    // Most of the 60 matched labels keep their true row under a perturbed name; no-match labels get none.
    expect(lists.size).toBeGreaterThan(30);
    expect(lists.size).toBeLessThanOrEqual(60);
    expect([...lists.values()].every((positives) => positives === 1)).toBe(true);
    expect(perturbed.every((p) => p.forTrust === false && matched.has(p.group))).toBe(true);
  });

  it("refines on a person's word: the model fit without it comes first, then trees that follow the answers", () => {
    const options = {
      featureSet: PAIR_FEATURE_SET,
      featureNames: PAIR_FEATURE_NAMES,
      source: 'perturbation' as const,
      seed: 4,
      gbdt: { nTrees: 40 },
    };
    // Answers a person gave: sources named exactly as a reference row are not that company.
    const answers = reference.slice(100, 180).map(({ ciq_id: _, ...fields }, i) => ({
      source: { ...fields, ticker: null, source_system: 'person', source_id: `a${i}` },
      trueCiqId: null,
    }));
    const alone = trainPairModel(buildTrainingPairs(ctx, null, { pairs: 1500, seed: 5 }).pairs, options);
    const pairs = buildTrainingPairs(ctx, null, { pairs: 1500, seed: 5, review: answers }).pairs;
    const answered = pairs.filter((p) => p.human);
    expect(answered.length).toBeGreaterThan(answers.length);
    const refined = trainPairModel(pairs, options);
    const trees = refined.artifact.gbdt.trees;
    expect(trees.slice(0, 40)).toEqual(alone.artifact.gbdt.trees);
    expect(trees).toHaveLength(40 + REFINE_GBDT.nTrees);
    expect(refined.artifact.training.refinement?.humanPairs).toBeGreaterThan(answers.length / 2);
    expect(alone.artifact.training.refinement).toBeUndefined();
    // The exact-name pairs the person refused score lower than before, on answered pairs as a whole.
    const mean = (model: typeof refined.artifact.gbdt) =>
      answered.reduce((sum, p) => sum + gbdtMargin(model, p.features), 0) / answered.length;
    expect(mean(refined.artifact.gbdt)).toBeLessThan(mean(alone.artifact.gbdt) - 1);
    // Without a person's word: one fit, as always.
    expect(
      trainPairModel(
        pairs.filter((p) => !p.human),
        options,
      ).artifact.gbdt.trees,
    ).toHaveLength(40);
  });

  it('trains a calibrated model that is deterministic, round-trips through JSON and scores as the scorer port', async () => {
    const built = buildTrainingPairs(ctx, null, { pairs: 1500, seed: 5 });
    const options = {
      featureSet: PAIR_FEATURE_SET,
      featureNames: PAIR_FEATURE_NAMES,
      source: 'perturbation' as const,
      seed: 9,
    };
    const a = trainPairModel(built.pairs, { ...options, gbdt: { nTrees: 60 } });
    const b = trainPairModel(built.pairs, { ...options, gbdt: { nTrees: 60 } });
    expect(a.text).toBe(b.text);
    expect(a.modelVersion).toMatch(/^gbdt-[0-9a-f]{12}$/);
    expect(a.report.pairLevel.auc).toBeGreaterThan(0.8);
    expect(a.report.atPairAccept.threshold).toBeGreaterThan(0);

    const file = path.join(dir, 'm.json');
    expect(writeArtifact(file, a.artifact)).toBe(a.modelVersion);
    const { artifact, modelVersion } = readArtifact(file);
    const scorer = new GbdtPairScorer(artifact, modelVersion);
    const source = {
      source_id: 's',
      source_system: 'T',
      company_name: 'ACME GLOBAL PHARMAC. INC. DL-,01',
      ticker: null,
      lei: null,
      cusip: null,
      isin: null,
      country: 'Germany',
      industry: null,
    };
    const candidates = ctx.retriever.retrieveOne(source, 5);
    const pairs: ScoringPair[] = candidates.map((c, i) => ({
      source,
      candidate: c,
      topScore: candidates[0]!.score,
      nextScore: candidates[i + 1]?.score ?? null,
    }));
    const scores = await scorer.scorePairs(pairs);
    expect(scores.modelVersion).toBe(a.modelVersion);
    expect(scores.probabilities).toHaveLength(pairs.length);
    for (const p of scores.probabilities) expect(p >= 0 && p <= 1).toBe(true);
  });

  it('refuses a model trained on another feature set', () => {
    const built = buildTrainingPairs(ctx, null, { pairs: 300, seed: 1 });
    const { artifact, modelVersion } = trainPairModel(built.pairs, {
      featureSet: 'other-features:1',
      featureNames: PAIR_FEATURE_NAMES,
      source: 'perturbation',
      gbdt: { nTrees: 5 },
    });
    expect(() => new GbdtPairScorer(artifact, modelVersion)).toThrow(/retrain/);
  });

  it('loadLocalBackends: index always, scorer only when a model lies beside the database', async () => {
    const db = path.join(dir, 'x.duckdb');
    expect(loadLocalBackends(db, reference)).toMatchObject({ scorer: undefined, model: null });
    const built = buildTrainingPairs(ctx, null, { pairs: 300, seed: 1 });
    const trained = trainPairModel(built.pairs, {
      featureSet: PAIR_FEATURE_SET,
      featureNames: PAIR_FEATURE_NAMES,
      source: 'perturbation',
      gbdt: { nTrees: 5 },
    });
    writeArtifact(modelPathFor(db), trained.artifact);
    const loaded = loadLocalBackends(db, reference, { workers: 2 });
    expect(loaded.retriever.capabilities.maxParallelCalls).toBe(2);
    await loaded.close();
    expect(loaded.index.status).toBe('loaded');
    expect(loaded.model?.modelVersion).toBe(trained.modelVersion);
    expect(loaded.scorer).toBeInstanceOf(GbdtPairScorer);
  });
});

describe('held-out metrics', () => {
  it('auc is 1 for a perfect ranking and 0.5 for ties', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('decision metrics follow the cascade rule: accept threshold and margin over the runner-up', () => {
    const groups = [
      { probabilities: [0.95, 0.1], truth: 0 }, // match
      { probabilities: [0.9, 0.85], truth: 0 }, // margin too small: no match, FN
      { probabilities: [0.2, 0.1], truth: -1 }, // correct no-match
      { probabilities: [0.92, 0.1], truth: 1 }, // wrong match: FP and FN
    ];
    const m = decisionMetrics(groups, 0.8, 0.1);
    expect(m.matched).toBe(2);
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBeCloseTo(1 / 3);
  });
});
