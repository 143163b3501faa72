import { InputError } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { reviewDecisionLabels } from '../src/review/review-labels.js';
import { reviewFixture } from './review-fixture.js';

let engine: LocalEngine;

beforeAll(async () => {
  ({ engine } = await reviewFixture());
});
afterAll(async () => {
  await engine?.close();
});

/** Every column of the gold row, as text, so "restored exactly" is a string comparison. */
const goldRow = async (source_id: string, source_system: string) =>
  (
    await engine.query<{ row: string }>(
      `SELECT to_json(g)::VARCHAR AS row FROM gold.matched_entities g WHERE source_id = $1 AND source_system = $2`,
      [source_id, source_system],
    )
  )[0]!.row;

describe('undo', () => {
  it('restores the whole prior gold row exactly and records the undo as a new audit entry', async () => {
    const item = (await engine.reviewQueue()).find((q) => q.candidates.length > 1);
    const key = { source_id: item!.source_id, source_system: item!.source_system };
    const before = await goldRow(key.source_id, key.source_system);
    const decided = await engine.decide({ ...key, ciq_id: item!.candidates[1]!.ciq_id, decidedBy: 'ann' });
    expect(await goldRow(key.source_id, key.source_system)).not.toBe(before);
    const undone = await engine.undo({ ...key, decidedBy: 'bob' });
    expect(await goldRow(key.source_id, key.source_system)).toBe(before);
    expect(undone.undoes).toBe(decided.decision_id);
    expect(undone.decided_by).toBe('bob');
    expect(undone.before_method).toBe('human_review');
    expect(undone.after_ciq_id).toBe(item!.matched_ciq_id);
    const history = await engine.reviewDecisions(key);
    expect(history.map((h) => h.decision_id)).toEqual([decided.decision_id, undone.decision_id]);
    // back in the queue, and neither the undone decision nor the undo is a training label
    expect((await engine.reviewQueue()).some((q) => q.source_id === key.source_id)).toBe(true);
    const labels = await reviewDecisionLabels(engine);
    expect(labels.some((l) => l.source.source_id === key.source_id)).toBe(false);
  });

  it('undoes decisions one after another, newest first, then says there is nothing left', async () => {
    const [, item] = await engine.reviewQueue({ limit: 2 });
    const key = { source_id: item!.source_id, source_system: item!.source_system };
    const original = await goldRow(key.source_id, key.source_system);
    await engine.decide({ ...key, ciq_id: item!.candidates[0]!.ciq_id, decidedBy: 'ann' });
    const afterFirst = await goldRow(key.source_id, key.source_system);
    await engine.decide({ ...key, ciq_id: null, decidedBy: 'ann', note: 'not listed' });
    await engine.undo({ ...key, decidedBy: 'ann' });
    expect(await goldRow(key.source_id, key.source_system)).toBe(afterFirst);
    await engine.undo({ ...key, decidedBy: 'ann' });
    expect(await goldRow(key.source_id, key.source_system)).toBe(original);
    await expect(engine.undo({ ...key, decidedBy: 'ann' })).rejects.toThrow(/no decision left to undo/);
    expect((await engine.reviewDecisions(key)).length).toBe(4);
  });

  it('refuses decisions recorded before the prior row was kept, naming the way out', async () => {
    const [, , item] = await engine.reviewQueue({ limit: 3 });
    const key = { source_id: item!.source_id, source_system: item!.source_system };
    await engine.decide({ ...key, ciq_id: null, decidedBy: 'ann' });
    await engine.query('UPDATE gold.review_decisions SET before_row = NULL WHERE source_id = $1', [
      key.source_id,
    ]);
    const error = await engine.undo({ ...key, decidedBy: 'ann' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String(error)).toMatch(/decide the case again/);
  });
});

describe('reference search', () => {
  it('finds a company by identifier, ticker and part of its name', async () => {
    const [row] = await engine.query<{ ciq_id: string; company_name: string; ticker: string; isin: string }>(
      `SELECT r.ciq_id, r.company_name, r.ticker, n.isin FROM bronze.reference_entities r
       JOIN silver.normalized_reference n USING (ciq_id) WHERE r.ticker IS NOT NULL AND n.isin IS NOT NULL LIMIT 1`,
    );
    const byIsin = await engine.searchReference(row!.isin);
    expect(byIsin[0]).toMatchObject({ ciq_id: row!.ciq_id, matched_on: 'identifier' });
    const byTicker = await engine.searchReference(row!.ticker.toLowerCase());
    expect(byTicker[0]).toMatchObject({ matched_on: 'ticker' });
    expect(byTicker.some((h) => h.ciq_id === row!.ciq_id)).toBe(true);
    const word = row!.company_name.split(' ')[0]!;
    const byName = await engine.searchReference(word, 200);
    expect(byName.some((h) => h.ciq_id === row!.ciq_id)).toBe(true);
    expect(await engine.searchReference('   ')).toEqual([]);
  });
});
