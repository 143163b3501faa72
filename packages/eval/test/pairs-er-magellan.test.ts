import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EXIT } from '@em/cli-kit';
import { describe, expect, it } from 'vitest';
import {
  discoverDatasets,
  emEvalMain,
  jaccardScore,
  type PairsReport,
  readDittoPairs,
} from '../src/index.js';
import { captureIo } from './cli-io-capture.js';
import { fixture } from './fixture-paths.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const DATA = resolve(repoRoot, '../shared/data/er_magellan');
const present = existsSync(DATA);
if (!present)
  console.warn(
    `pairs-er-magellan.test: skipped, ${DATA} is absent (benchmark data lives in ../shared/data).`,
  );

describe.skipIf(!present)('em-eval pairs over every dataset in er_magellan (token-Jaccard scorer)', () => {
  it('reads a scorer’s prediction files for each split, chooses thresholds on train, writes the comparison table', async () => {
    const datasets = discoverDatasets(DATA, 'valid');
    expect(datasets).toHaveLength(12);
    // Write the scorer's predictions as a pair model would: valid one per line, train as index,probability
    // for two lines in five (the held-out part of train the threshold is tuned on).
    const predictionsDir = mkdtempSync(join(tmpdir(), 'em-eval-er-'));
    for (const dataset of datasets) {
      const folder = join(DATA, dataset);
      const out = join(predictionsDir, dataset);
      mkdirSync(out, { recursive: true });
      for (const file of ['valid.txt', 'train.txt', 'train.balance.txt']) {
        if (!existsSync(join(folder, file))) continue;
        const scores = (await readDittoPairs(join(folder, file))).map((p) => jaccardScore(p.left, p.right));
        if (file === 'valid.txt')
          writeFileSync(join(out, file), `${scores.map((s) => s.toFixed(6)).join('\n')}\n`);
        else {
          const rows = scores.flatMap((s, i) => (i % 5 < 2 ? [`${i},${s.toFixed(6)}`] : []));
          writeFileSync(join(out, file.replace(/\.txt$/, '.csv')), `index,probability\n${rows.join('\n')}\n`);
        }
      }
    }
    const table = join(predictionsDir, 'comparison.md');
    const io = captureIo();
    const args = [
      'pairs',
      '--data-dir',
      DATA,
      '--predictions-dir',
      predictionsDir,
      '--published',
      fixture('published-er-magellan.csv'),
      '--out',
      table,
      '--json',
    ];
    expect(await emEvalMain(args, io), io.err()).toBe(EXIT.ok);
    const report = JSON.parse(io.out()) as PairsReport;
    expect(report.datasets.map((d) => d.dataset)).toEqual(datasets);
    expect(report.systems).toEqual(['DeepMatcher+', 'Ditto']);
    expect(report.unmatched_published).toEqual([]);
    for (const d of report.datasets) {
      expect(d.test.metrics.f1).toBeGreaterThanOrEqual(0);
      expect(d.test.metrics.f1).toBeLessThanOrEqual(1);
      expect(d.test.missing).toBe(0);
      expect(Object.keys(d.published)).toEqual(['DeepMatcher+', 'Ditto']);
    }
    const scholar = report.datasets.find((d) => d.dataset === 'Dirty/DBLP-GoogleScholar')!;
    expect(scholar.tune?.split).toBe('valid.txt (even-hash half)');
    expect(report.datasets.find((d) => d.dataset === 'Structured/DBLP-GoogleScholar')!.tune?.split).toBe(
      'train.balance.txt',
    );
    const markdown = readFileSync(table, 'utf8').trim().split('\n');
    expect(markdown).toHaveLength(2 + 12);
    expect(markdown[0]).toContain('| Δ vs Ditto |');
    writeFileSync(join(dirname(table), 'report.json'), io.out());
    console.log(`pairs-er-magellan.test: comparison table ${table}`);
  });

  it('the built-in scorer gives the same table without prediction files (train fully scored)', async () => {
    const io = captureIo();
    expect(await emEvalMain(['pairs', '--data-dir', DATA, '--scorer', 'jaccard'], io), io.err()).toBe(
      EXIT.ok,
    );
    expect(
      io
        .out()
        .split('\n')
        .filter((l) => /^(Structured|Dirty|Textual)\//.test(l)),
    ).toHaveLength(12);
  });
});
