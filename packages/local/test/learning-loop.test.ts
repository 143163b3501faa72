import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCascadeConfig, type ReferenceEntity, sourceKey } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { candidatePairs } from '../src/model/candidate-pairs.js';
import { readReferenceRows, readSourceRows } from '../src/model/local-backends.js';
import { ReferenceIdentifiers } from '../src/model/reference-identifiers.js';
import { reviewTrainingLabels } from '../src/model/review-training.js';
import { compareOnLabels } from '../src/model/review-training-report.js';
import { trainLocalModel } from '../src/model/train-local-model.js';
import { buildTrainingPairs, type GoldLabel } from '../src/model/training-pairs.js';
import { readReferenceStore } from '../src/reference/read-reference-store.js';
import type { IndexRetriever } from '../src/retrieval/index-retriever.js';
import type { ReviewLabel } from '../src/review/review-labels.js';
import { FIXTURE_DATA, reviewFixture } from './review-fixture.js';

const dir = mkdtempSync(path.join(tmpdir(), 'em-learning-loop-'));
const dbPath = path.join(dir, 'em.duckdb');
let engine: LocalEngine;
let retriever: IndexRetriever;
let reference: ReferenceEntity[];
let identifiers: ReferenceIdentifiers;
let decisions: ReviewLabel[];
/** fixtures/data/gold.csv: true ciq_id (null: not in the reference) by source key. */
const truth = new Map(
  readFileSync(path.join(FIXTURE_DATA, 'gold.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([id, system, ciq]) => [sourceKey({ source_id: id!, source_system: system! }), ciq || null]),
);
const fast = { pairs: 300, seed: 1, gbdt: { nTrees: 20 } } as const;

beforeAll(async () => {
  ({ engine, retriever } = await reviewFixture(dbPath));
  reference = await readReferenceRows((sql) => engine.query(sql));
  identifiers = new ReferenceIdentifiers(reference);
  // Reviewers decide 30 queue cases as the gold standard says.
  for (const item of await engine.reviewQueue({ limit: 30 })) {
    const ciq_id = truth.get(sourceKey(item)) ?? null;
    await engine.decide({
      source_id: item.source_id,
      source_system: item.source_system,
      ciq_id,
      decidedBy: 't',
      allowNonCandidate: true, // the truth may not have been retrieved
    });
  }
  decisions = await engine.reviewDecisionLabels();
});
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The labels the pairs of one source carry, in the order the cascade would score its candidates. */
function labelsOf(built: ReturnType<typeof buildTrainingPairs>, label: GoldLabel) {
  const key = sourceKey(label.source);
  const candidates = candidatePairs(label.source, retriever.retrieveOne(label.source, 10), identifiers, 10);
  return {
    got: built.pairs.filter((p) => p.group === key && p.instance === undefined).map((p) => p.label),
    want: candidates.map((c) => (c.candidate.entity.ciq_id === label.trueCiqId ? 1 : 0)),
  };
}

describe('review decisions as training labels', () => {
  it('a chosen row is the positive among its source candidates; "no match" makes every candidate negative', () => {
    const review = reviewTrainingLabels(decisions);
    expect(review).toHaveLength(30);
    const built = buildTrainingPairs({ reference, retriever, identifiers }, null, { ...fast, review });
    expect(built.source).toBe('perturbation');
    expect(built.review.sources).toBe(30);
    const matched = review.filter((l) => l.trueCiqId !== null);
    const none = review.filter((l) => l.trueCiqId === null);
    expect(matched.length).toBeGreaterThan(0);
    expect(none.length).toBeGreaterThan(0);
    for (const label of review) {
      const { got, want } = labelsOf(built, label);
      expect(got).toEqual(want);
    }
    for (const label of none) expect(labelsOf(built, label).got.every((l) => l === 0)).toBe(true);
    expect(built.review.positives).toBe(matched.length - built.review.truthNotRetrieved);
    const fromReview = built.pairs.filter((p) => !p.group.startsWith('PERTURBED\u0000'));
    expect(built.review.pairs).toBe(fromReview.length);
    // Each matched decision also trains under perturbed names, as many lists as kept its row.
    const copies = fromReview.filter((p) => p.instance !== undefined);
    expect(built.review.perturbedCopies).toBe(new Set(copies.map((p) => p.instance)).size);
    expect(built.review.perturbedCopies).toBeGreaterThan(built.review.positives);
    expect(copies.every((p) => p.human && p.forTrust === false)).toBe(true);
  });

  it('a review decision replaces the gold label of the same source', () => {
    const none = buildTrainingPairs({ reference, retriever, identifiers }, []);
    const decided = reviewTrainingLabels(decisions).find(
      (l) => l.trueCiqId !== null && labelsOf(none, l).want.includes(1),
    )!;
    const gold: GoldLabel[] = [{ source: decided.source, trueCiqId: null }];
    const built = buildTrainingPairs({ reference, retriever, identifiers }, gold, { review: [decided] });
    expect(built.review.replacedGold).toBe(1);
    expect(built.sources).toBe(1);
    const { got, want } = labelsOf(built, decided);
    expect(got).toEqual(want);
    expect(got).toContain(1);
  });

  it('keeps the latest decision per source, in key order whatever order they came in', () => {
    const [a, b] = decisions;
    const later: ReviewLabel = { ...a!, ciq_id: null, decided_at: '9999-01-01T00:00:00.000Z' };
    const one = reviewTrainingLabels([b!, a!, later]);
    const two = reviewTrainingLabels([later, a!, b!]);
    expect(one).toEqual(two);
    expect(one.find((l) => sourceKey(l.source) === sourceKey(a!.source))?.trueCiqId).toBeNull();
    expect(one.map((l) => sourceKey(l.source))).toEqual(one.map((l) => sourceKey(l.source)).sort());
  });
});

describe('trainLocalModel with review decisions', () => {
  it('same decisions and seed give the same model; without them another; each run compares with the model it replaces', () => {
    const first = trainLocalModel(dbPath, reference, { ...fast, reviewLabels: decisions });
    expect(first.training.review.sources).toBe(30);
    expect(first.heldOutComparison).toMatchObject({ on: 'held-out', previous: null });
    const again = trainLocalModel(dbPath, reference, { ...fast, reviewLabels: [...decisions].reverse() });
    expect(again.modelVersion).toBe(first.modelVersion);
    expect(again.previous?.modelVersion).toBe(first.modelVersion);
    expect(again.heldOutComparison.delta).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      autoMatchRate: 0,
      autoPrecision: 0,
    });
    const without = trainLocalModel(dbPath, reference, fast);
    expect(without.training.review.sources).toBe(0);
    expect(without.modelVersion).not.toBe(first.modelVersion);
    const c = without.heldOutComparison;
    expect(c.previous?.modelVersion).toBe(first.modelVersion);
    expect(c.delta?.f1).toBeCloseTo(c.current.f1 - c.previous!.f1, 12);
  });

  it('compareOnLabels runs both models through the cascade on a fixed gold standard', async () => {
    const a = trainLocalModel(dbPath, reference, fast);
    const b = trainLocalModel(dbPath, reference, { ...fast, reviewLabels: decisions });
    const sources = await engine.query<GoldLabel['source']>(
      'SELECT source_id, source_system, company_name, ticker, lei, cusip, isin, country, industry FROM bronze.source_entities ORDER BY ALL LIMIT 200',
    );
    const labels = sources.map((source) => ({ source, trueCiqId: truth.get(sourceKey(source)) ?? null }));
    const config = parseCascadeConfig({});
    const c = await compareOnLabels({ reference, retriever }, labels, b.previous, b, config);
    expect(c.on).toBe('eval-labels');
    expect(c.sources).toBe(200);
    expect(c.previous?.modelVersion).toBe(a.modelVersion);
    expect(c.current.modelVersion).toBe(b.modelVersion);
    for (const s of [c.previous!, c.current]) {
      expect(s.tp + s.fn).toBe(labels.filter((l) => l.trueCiqId !== null).length);
      for (const v of [s.precision, s.recall, s.f1, s.autoMatchRate, s.autoPrecision]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    // The fixture's exact identifiers settle many sources the same way under both models.
    expect(c.current.f1).toBeGreaterThan(0.5);
    const same = await compareOnLabels({ reference, retriever }, labels, b, b, config);
    expect(same.delta?.f1).toBe(0);
    // The columnar store (what em train reads) compares exactly as the row objects do.
    const store = await readReferenceStore((sql, params) => engine.query(sql, params));
    const fromStore = await compareOnLabels({ reference: store, retriever }, labels, b.previous, b, config);
    expect(fromStore).toEqual(c);
  });

  it('trains the same model from the columnar reference store as from row objects', async () => {
    const store = await readReferenceStore((sql, params) => engine.query(sql, params));
    const sources = await readSourceRows((sql) => engine.query(sql));
    for (const options of [
      { ...fast, reviewLabels: decisions }, // perturbed reference rows
      { ...fast, sources }, // self-supervised from the ingested sources
    ]) {
      const rows = trainLocalModel(dbPath, reference, options);
      const columnar = trainLocalModel(dbPath, store, options);
      expect(columnar.modelVersion).toBe(rows.modelVersion);
      expect(columnar.training).toEqual(rows.training);
    }
  });
});
