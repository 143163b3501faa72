import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@em/core';
import { describe, expect, it } from 'vitest';
import {
  bestThreshold,
  evaluatePairs,
  jaccardScore,
  loadPublished,
  pairMetrics,
  readDittoPairs,
  readPairPredictions,
  runPairsFiles,
} from '../src/index.js';
import { fixture } from './fixture-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'em-eval-pairs-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const pairLine = (a: string, b: string, label: 0 | 1) => `COL name VAL ${a}\tCOL name VAL ${b}\t${label}`;

describe('pair metrics', () => {
  const labels = [1, 1, 0, 0, 1, 0];
  const probs = [0.9, 0.7, 0.8, 0.1, 0.4, 0.4];

  it('counts at a threshold (probability ≥ threshold is a match)', () => {
    // ≥ 0.7: predicted 0.9 (1), 0.7 (1), 0.8 (0) → TP 2, FP 1, FN 1 (0.4 labelled 1)
    expect(pairMetrics(labels, probs, 0.7)).toMatchObject({
      n: 6,
      positives: 3,
      tp: 2,
      fp: 1,
      fn: 1,
      tn: 2,
      precision: 2 / 3,
      recall: 2 / 3,
    });
  });

  it('the best threshold maximizes F1 over the probabilities; ties go to the higher one', () => {
    // 0.9: F1 2/4=0.5 · 0.8: 2/5 · 0.7: 4/6 · 0.4: 6/(6+2)=0.75 · 0.1: 6/9
    expect(bestThreshold(labels, probs)).toEqual({ threshold: 0.4, f1: 0.75 });
    expect(bestThreshold([1, 0], [0.5, 0.5]).threshold).toBe(0.5);
    expect(bestThreshold([], [])).toEqual({ threshold: 0.5, f1: 0 });
  });

  it('the tune split picks the threshold; missing test predictions count as non-matches', () => {
    const result = evaluatePairs({
      dataset: 'toy',
      tune: { name: 'train', labels: [1, 0, 1, 0], probabilities: [0.8, 0.3, 0.6, null] },
      test: { name: 'valid', labels: [1, 1, 0], probabilities: [0.7, null, 0.2] },
    });
    expect(result.threshold).toBe(0.6);
    expect(result.tune).toEqual({ split: 'train', n: 3, f1: 1 });
    expect(result.test.missing).toBe(1);
    expect(result.test.metrics).toMatchObject({ tp: 1, fn: 1, fp: 0 });
  });

  it('Jaccard of record values ignores the COL/VAL markers and attribute names', () => {
    expect(
      jaccardScore('COL title VAL Deep Learning COL year VAL 2016', 'COL name VAL deep learning'),
    ).toBeCloseTo(2 / 3, 12);
    expect(jaccardScore('COL a VAL x', 'COL a VAL y')).toBe(0);
  });
});

describe('pair files', () => {
  it('reads Ditto pairs and names a malformed line', async () => {
    const ok = write('ok.txt', `${pairLine('a', 'a', 1)}\n${pairLine('a', 'b', 0)}\n`);
    expect((await readDittoPairs(ok)).map((p) => p.label)).toEqual([1, 0]);
    const bad = write('bad.txt', `${pairLine('a', 'a', 1)}\nno tabs here\n`);
    await expect(readDittoPairs(bad)).rejects.toThrowError(
      /bad\.txt line 2: expected left<TAB>right<TAB>label/,
    );
    const label = write('label.txt', 'x\ty\tyes\n');
    await expect(readDittoPairs(label)).rejects.toThrowError(/label "yes"/);
  });

  it('reads predictions one per line or as index,probability, and names problems', async () => {
    expect(await readPairPredictions(write('p1.txt', '0.1\n0.9\n'), 2)).toEqual([0.1, 0.9]);
    expect(await readPairPredictions(write('p2.csv', 'index,probability\n1,0.25\n'), 3)).toEqual([
      null,
      0.25,
      null,
    ]);
    const cases: [string, number, RegExp][] = [
      ['0.1\n', 2, /1 probabilities for 2 pairs/],
      ['0.1\nhigh\n', 2, /line 2: "high" is not a probability/],
      ['0,0.1\n5,0.2\n', 3, /line 2: index 5 is outside/],
      ['0,0.1\n0,0.2\n', 3, /line 2: index 0 appears twice/],
      ['0,1.2\n', 3, /line 1: expected index,probability/],
    ];
    for (const [text, count, message] of cases) {
      const error = await readPairPredictions(write('p.txt', text), count).catch((e: unknown) => e);
      expect(InputError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('reads published results as CSV (percent) and JSON (both shapes)', async () => {
    const csv = await loadPublished(fixture('published-er-magellan.csv'));
    expect(csv).toHaveLength(24);
    expect(
      csv.find((r) => r.system === 'Ditto' && r.dataset === 'Structured/Beer')?.published_f1,
    ).toBeCloseTo(0.9437, 12);
    expect(await loadPublished(write('pub.json', '{"Structured/Beer": 0.9}'))).toEqual([
      { dataset: 'Structured/Beer', system: 'published', published_f1: 0.9 },
    ]);
    expect(
      await loadPublished(write('pub2.json', '[{"dataset":"Beer","system":"X","published_f1":90}]')),
    ).toEqual([{ dataset: 'Beer', system: 'X', published_f1: 0.9 }]);
    await expect(loadPublished(write('pub.csv', 'name,f1\nBeer,90\n'))).rejects.toThrowError(
      /header must name dataset and published_f1/,
    );
  });

  it('evaluates one dataset from explicit files, against a published F1', async () => {
    const pairs = [
      pairLine('acme', 'acme', 1),
      pairLine('acme', 'zeta', 0),
      pairLine('beta corp', 'beta', 1),
      pairLine('x', 'y', 0),
    ].join('\n');
    const test = write('test.txt', pairs);
    const tune = write('tune.txt', pairs);
    const probabilities = write('scores.txt', '0.9\n0.2\n0.6\n0.1\n');
    const published = write('published.csv', 'dataset,published_f1\ntoy,80\n');
    const report = await runPairsFiles({
      test,
      testPredictions: probabilities,
      tune,
      tunePredictions: probabilities,
      dataset: 'toy',
      published,
    });
    expect(report.datasets[0]).toMatchObject({
      dataset: 'toy',
      threshold: 0.6,
      published: { published: 0.8 },
    });
    expect(report.datasets[0]!.test.metrics.f1).toBe(1);
    await expect(runPairsFiles({ test, testPredictions: probabilities })).rejects.toThrowError(
      /--tune FILE --tune-predictions FILE/,
    );
    const negatives = write('negatives.txt', [pairLine('a', 'b', 0), pairLine('c', 'd', 0)].join('\n'));
    const two = write('two.txt', '0.3\n0.4\n');
    await expect(
      runPairsFiles({ test, testPredictions: probabilities, tune: negatives, tunePredictions: two }),
    ).rejects.toThrowError(/no positive pair/);
  });
});
