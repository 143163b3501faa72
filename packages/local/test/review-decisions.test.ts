import { InputError } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import type { IndexRetriever } from '../src/retrieval/index-retriever.js';
import { reviewDecisionLabels } from '../src/review/review-labels.js';
import { reviewFixture } from './review-fixture.js';

let engine: LocalEngine;
let retriever: IndexRetriever;

beforeAll(async () => {
  ({ engine, retriever } = await reviewFixture());
});
afterAll(async () => {
  await engine?.close();
});

const gold = (source_id: string) =>
  engine.query<{
    matched_ciq_id: string | null;
    match_confidence: number;
    match_method: string;
    needs_review: boolean;
  }>(
    `SELECT matched_ciq_id, match_confidence, match_method, needs_review FROM gold.matched_entities WHERE source_id = $1`,
    [source_id],
  );
const auditCount = async () =>
  (await engine.query<{ n: number }>('SELECT count(*) AS n FROM gold.review_decisions'))[0]!.n;

describe('review queue', () => {
  it('lists cases least confident first, with the top candidate as the suggestion', async () => {
    const queue = await engine.reviewQueue();
    expect(queue.length).toBeGreaterThan(400);
    const confidences = queue.map((q) => q.match_confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    const withCandidates = queue.filter((q) => q.candidates.length > 0);
    expect(withCandidates.length).toBeGreaterThan(400);
    for (const q of withCandidates.slice(0, 20)) {
      expect(q.suggested_ciq_id).toBe(q.candidates[0]!.ciq_id);
      expect(q.suggested_company_name).toBe(q.candidates[0]!.company_name);
    }
  });

  it('filters by method, system and confidence', async () => {
    const all = await engine.reviewQueue();
    const methods = new Set(all.map((q) => q.match_method));
    for (const method of methods) {
      const only = await engine.reviewQueue({ method });
      expect(only.length).toBe(all.filter((q) => q.match_method === method).length);
    }
    expect(await engine.reviewQueue({ method: 'exact_identifier' })).toEqual([]);
    const system = all[0]!.source_system;
    expect((await engine.reviewQueue({ system })).every((q) => q.source_system === system)).toBe(true);
    expect(await engine.reviewQueue({ minConfidence: 0.5 })).toEqual(
      all.filter((q) => q.match_confidence >= 0.5),
    );
  });
});

describe('a review case', () => {
  it('carries the source record, the current decision and every candidate with its reference row', async () => {
    const [item] = await engine.reviewQueue({ limit: 1 });
    const c = await engine.reviewCase({ source_id: item!.source_id });
    expect(c.source).toMatchObject({ source_id: item!.source_id, source_system: item!.source_system });
    expect(c.decision).toMatchObject({ match_method: item!.match_method, needs_review: true });
    expect(c.decision.reasoning).toBe(item!.reasoning);
    expect(c.candidates.length).toBe(item!.candidates.length);
    for (const candidate of c.candidates) {
      expect(candidate.reference?.ciq_id).toBe(candidate.ciq_id);
      expect(candidate.reference?.company_name).toBe(candidate.company_name);
    }
    expect(c.suggested_ciq_id).toBe(item!.suggested_ciq_id);
    expect(c.history).toEqual([]);
  });

  it('names the fix for an unknown source_id', async () => {
    const error = await engine.reviewCase({ source_id: 'no-such-id' }).catch((e) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('em review list');
  });

  it('asks for --system when the source_id is in several systems', async () => {
    const [item] = await engine.reviewQueue({ limit: 1 });
    const id = item!.source_id;
    await engine.query(
      `INSERT INTO gold.matched_entities BY NAME
       SELECT * EXCLUDE (needs_review, auto_matched) REPLACE ('zz-other' AS source_system)
       FROM gold.matched_entities WHERE source_id = $1 AND source_system = $2`,
      [id, item!.source_system],
    );
    try {
      const error = await engine.reviewCase({ source_id: id }).catch((e) => e);
      expect(InputError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(`(${item!.source_system}, zz-other); pass --system NAME`);
      const one = await engine.reviewCase({ source_id: id, source_system: 'zz-other' });
      expect(one.source_system).toBe('zz-other');
    } finally {
      await engine.query(`DELETE FROM gold.matched_entities WHERE source_system = 'zz-other'`);
    }
  });
});

describe('decisions', () => {
  it('choose, then reject: two audit rows with before and after; the gold row shows the latest', async () => {
    const [item] = await engine.reviewQueue({ limit: 1 });
    const key = { source_id: item!.source_id, source_system: item!.source_system };
    const second = item!.candidates[1]!;
    const first = await engine.decide({
      ...key,
      ciq_id: second.ciq_id,
      decidedBy: 'ana',
      note: 'same LEI on file',
    });
    expect(first).toMatchObject({
      ...key,
      decided_by: 'ana',
      before_ciq_id: item!.matched_ciq_id,
      before_confidence: item!.match_confidence,
      before_method: item!.match_method,
      after_ciq_id: second.ciq_id,
      after_company_name: second.company_name,
      after_confidence: 1,
      note: 'same LEI on file',
    });
    expect(await gold(key.source_id)).toEqual([
      {
        matched_ciq_id: second.ciq_id,
        match_confidence: 1,
        match_method: 'human_review',
        needs_review: false,
      },
    ]);

    const again = await engine.decide({ ...key, ciq_id: null, decidedBy: 'ben' });
    expect(again).toMatchObject({
      before_ciq_id: second.ciq_id,
      before_confidence: 1,
      before_method: 'human_review',
      after_ciq_id: null,
      after_confidence: 0,
      note: null,
    });
    expect(await gold(key.source_id)).toEqual([
      { matched_ciq_id: null, match_confidence: 0, match_method: 'human_review', needs_review: false },
    ]);
    const history = await engine.reviewDecisions(key);
    expect(history.map((h) => [h.decided_by, h.after_ciq_id])).toEqual([
      ['ana', second.ciq_id],
      ['ben', null],
    ]);
    const [order] = await engine.query<{ increasing: boolean }>(
      `SELECT max(decided_at) FILTER (decided_by = 'ben') > max(decided_at) FILTER (decided_by = 'ana') AS increasing
       FROM gold.review_decisions WHERE source_id = $1`,
      [key.source_id],
    );
    expect(order!.increasing).toBe(true);
    expect((await engine.reviewCase(key)).history).toHaveLength(2);
    expect((await engine.reviewQueue()).map((q) => q.source_id)).not.toContain(key.source_id);
  });

  it('refuses a ciq_id that is not in the reference and writes nothing', async () => {
    const [item] = await engine.reviewQueue({ limit: 1 });
    const before = await auditCount();
    const error = await engine
      .decide({
        source_id: item!.source_id,
        source_system: item!.source_system,
        ciq_id: 'IQ-NOPE',
        decidedBy: 'x',
      })
      .catch((e) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/ciq_id IQ-NOPE is not in the reference/);
    expect(await auditCount()).toBe(before);
    expect((await gold(item!.source_id))[0]!.match_method).toBe(item!.match_method);
  });

  it('human decisions survive a full run', async () => {
    const [a, b] = await engine.reviewQueue({ limit: 2 });
    await engine.decide({
      source_id: a!.source_id,
      source_system: a!.source_system,
      ciq_id: a!.suggested_ciq_id,
      decidedBy: 'cy',
    });
    await engine.decide({
      source_id: b!.source_id,
      source_system: b!.source_system,
      ciq_id: null,
      decidedBy: 'cy',
    });
    const report = await engine.run({ full: true, backends: { retriever } });
    expect(report.processed).toBeGreaterThan(0);
    expect(await gold(a!.source_id)).toEqual([
      {
        matched_ciq_id: a!.suggested_ciq_id,
        match_confidence: 1,
        match_method: 'human_review',
        needs_review: false,
      },
    ]);
    expect(await gold(b!.source_id)).toEqual([
      { matched_ciq_id: null, match_confidence: 0, match_method: 'human_review', needs_review: false },
    ]);
  });

  it('labels: the latest decision per case with its source record, from the engine or its database', async () => {
    const labels = await reviewDecisionLabels(engine);
    expect(await reviewDecisionLabels(engine.db)).toEqual(labels);
    expect(await engine.reviewDecisionLabels()).toEqual(labels);
    const [{ keys }] = (await engine.query<{ keys: number }>(
      'SELECT count(DISTINCT (source_id, source_system)) AS keys FROM gold.review_decisions',
    )) as [{ keys: number }];
    expect(labels).toHaveLength(keys);
    const latest = await engine.query<{ source_id: string; after_ciq_id: string | null }>(
      `SELECT source_id, after_ciq_id FROM gold.review_decisions
       QUALIFY row_number() OVER (PARTITION BY source_id, source_system ORDER BY decided_at DESC) = 1`,
    );
    for (const row of latest) {
      const label = labels.find((l) => l.source.source_id === row.source_id);
      expect(label?.ciq_id).toBe(row.after_ciq_id);
      expect(label?.source.company_name).toEqual(expect.any(String));
    }
    const [goldHuman] = await engine.query<{ n: number }>(
      `SELECT count(*) AS n FROM gold.matched_entities g JOIN (
         SELECT source_id, source_system, after_ciq_id FROM gold.review_decisions
         QUALIFY row_number() OVER (PARTITION BY source_id, source_system ORDER BY decided_at DESC) = 1) d
       USING (source_id, source_system)
       WHERE g.match_method = 'human_review' AND g.matched_ciq_id IS NOT DISTINCT FROM d.after_ciq_id`,
    );
    expect(goldHuman!.n).toBe(labels.length);
  });
});
