import path from 'node:path';
import { sourceKey } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, removeTempDirs, tempDir } from './helpers.js';
import { buildReviewDb, FIXTURE_GOLD, fixtureTruth, withDb } from './review-db.js';

const dir = tempDir('em-cli-train-');
const db = path.join(dir, 'em.duckdb');
const GOLD = FIXTURE_GOLD;
const truth = fixtureTruth();

beforeAll(async () => {
  await buildReviewDb(db);
  // Reviewers decide 25 queue cases as the gold standard says.
  await withDb(db, async (engine) => {
    for (const item of await engine.reviewQueue({ limit: 25 })) {
      const ciq_id = truth.get(sourceKey(item)) ?? null;
      await engine.decide({
        source_id: item.source_id,
        source_system: item.source_system,
        ciq_id,
        decidedBy: 'tester',
        allowNonCandidate: true, // the truth may not have been retrieved
      });
    }
  });
});
afterAll(removeTempDirs);

async function em(...args: string[]) {
  const io = captureIo({ cwd: dir });
  // A small self-supervised sample keeps each training to a few seconds.
  const code = await runCli(['train', '--max-sources', '150', ...args, '--db', db], { io });
  expect(code, io.err()).toBe(EXIT.ok);
  return io.out();
}
const json = async (...args: string[]) => JSON.parse(await em(...args, '--json'));

describe('em train learns from review decisions', () => {
  it('uses every decision by default and none with --no-review-labels; compares with the model it replaces', async () => {
    const first = await json();
    expect(first.reviewLabels).toBe(true);
    expect(first.training.review).toMatchObject({ sources: 25 });
    expect(first.training.review.pairs).toBeGreaterThan(25);
    expect(first.comparison).toMatchObject({
      on: 'held-out',
      previous: null,
      previousMissing: 'no previous model',
    });
    // The index travels as a summary, not as the whole index.
    expect(Object.keys(first.index).sort()).toEqual(['fingerprint', 'path', 'reason', 'status']);

    const without = await json('--no-review-labels');
    expect(without.reviewLabels).toBe(false);
    expect(without.training.review.sources).toBe(0);
    expect(without.modelVersion).not.toBe(first.modelVersion);
    expect(without.previousModelVersion).toBe(first.modelVersion);
    expect(without.comparison.previous.modelVersion).toBe(first.modelVersion);

    const again = await json();
    expect(again.modelVersion).toBe(first.modelVersion);
    // With decisions the model self-trains: a first model's confident decisions, theirs in its place.
    const text = await em();
    expect(text).toMatch(/from the ingested sources, self-trained/);
    expect(text).toMatch(/review decisions\s+25 sources \(\d+ matches, \d+ no match\), \d+ pairs\n/);
    expect(text).toMatch(/self-training\s+[\d,]+ sources read: .* 25 labelled by people/);
  });

  it('--eval-labels: previous and new model on a fixed gold standard, as a table and in --json', async () => {
    const base = await json('--no-review-labels');
    const result = await json('--eval-labels', GOLD);
    const c = result.comparison;
    expect(c).toMatchObject({ on: 'eval-labels', sources: truth.size });
    expect(c.previous.modelVersion).toBe(base.modelVersion);
    expect(c.current.modelVersion).toBe(result.modelVersion);
    expect(c.delta.f1).toBeCloseTo(c.current.f1 - c.previous.f1, 12);
    expect(c.current.tp + c.current.fn).toBe([...truth.values()].filter((t) => t !== null).length);

    const text = await em('--eval-labels', GOLD, '--no-review-labels');
    expect(text).toMatch(/review decisions\s+left out \(--no-review-labels\)/);
    expect(text).toContain(
      `Previous ${result.modelVersion} → new ${base.modelVersion} on the evaluation labels`,
    );
    for (const row of ['precision', 'recall', 'F1', 'auto-match rate', 'auto-match precision'])
      expect(text).toMatch(new RegExp(`\\n${row}\\s+\\d+\\.\\d% +\\d+\\.\\d% +[+−]\\d+\\.\\d pt`));
  });

  it('--labels: candidate recall in all and per channel, also in --json', async () => {
    const text = await em('--labels', GOLD, '--no-review-labels');
    expect(text).toMatch(
      /candidate recall\s+\d+\.\d% of [\d,]+ labelled matches among the candidates \(all channels\); found by name \d+\.\d%, .*ticker \d+\.\d%/,
    );
    const recall = (await json('--labels', GOLD, '--no-review-labels')).training.channelRecall;
    expect(recall.matches).toBe([...truth.values()].filter((t) => t !== null).length);
    expect(recall.found).toBeLessThanOrEqual(recall.matches);
    expect(recall.byChannel.name).toBeGreaterThan(recall.byChannel.ticker);
  });
});
