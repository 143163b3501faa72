import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, removeTempDirs, tempDir } from './helpers.js';
import { buildReviewDb, withDb } from './review-db.js';

const dir = tempDir('em-cli-review-');
const db = path.join(dir, 'em.duckdb');

beforeAll(() => buildReviewDb(db));
afterAll(removeTempDirs);

/** `em …` in-process against the real engine, not on a terminal. */
async function em(...args: string[]) {
  const io = captureIo({ cwd: dir, env: { USER: 'tester' } });
  const code = await runCli([...args, '--db', db], { io });
  return { code, out: io.out(), err: io.err() };
}
const json = async (...args: string[]) => {
  const result = await em(...args, '--json');
  expect(result.code, result.err).toBe(EXIT.ok);
  return JSON.parse(result.out);
};
const auditRows = () => withDb(db, (e) => e.reviewDecisions());

describe('em review on the fixture database', () => {
  it('list --json: one object whose items are the queue, least confident first, filtered', async () => {
    const { command, items } = await json('review', 'list', '--limit', '500');
    expect(command).toBe('review list');
    expect(items.length).toBeGreaterThan(400);
    const confidences = items.map((i: { match_confidence: number }) => i.match_confidence);
    expect(confidences).toEqual([...confidences].sort((a: number, b: number) => a - b));
    expect(items[0]).toMatchObject({ suggested_ciq_id: items[0].candidates[0].ciq_id });
    const { items: none } = await json('review', 'list', '--method', 'exact_identifier');
    expect(none).toEqual([]);
    const { items: three } = await json(
      'review',
      'list',
      '--method',
      'no_match',
      '--system',
      'CRM',
      '--limit',
      '3',
    );
    expect(three).toHaveLength(3);
    expect((await em('review', 'list', '--min', '2')).code).toBe(EXIT.input);
  });

  it('show prints the case with numbered candidates; --json carries the reference rows; unknown ids exit 2', async () => {
    const { items } = await json('review', 'list', '--limit', '1');
    const id = items[0].source_id;
    const text = await em('review', 'show', id);
    expect(text.code).toBe(EXIT.ok);
    expect(text.out).toContain(`CRM / ${id}`);
    expect(text.out).toMatch(new RegExp(`\\n\\s*1\\s+${items[0].candidates[0].ciq_id}\\s`));
    expect(text.out).toContain('Reasoning:');
    const { case: found } = await json('review', 'show', id);
    expect(found.candidates[0].reference.ciq_id).toBe(items[0].candidates[0].ciq_id);
    expect(found.source.source_id).toBe(id);
    const missing = await em('review', 'show', 'no-such-source');
    expect(missing.code).toBe(EXIT.input);
    expect(missing.err).toContain('No gold row for source_id "no-such-source"');
  });

  it('accept refuses an unknown ciq_id (exit 2, nothing written); accept then reject leaves two audit rows', async () => {
    const { items } = await json('review', 'list', '--limit', '1');
    const [item] = items;
    const before = (await auditRows()).length;
    const bad = await em('review', 'accept', item.source_id, '--ciq-id', 'IQ-NOPE');
    expect(bad.code).toBe(EXIT.input);
    expect(bad.err).toContain('ciq_id IQ-NOPE is not in the reference');
    expect(await auditRows()).toHaveLength(before);

    expect(await json('review', 'accept', item.source_id)).toMatchObject({ ciq_id: item.suggested_ciq_id });
    expect(await json('review', 'reject', item.source_id, '--by', 'bob')).toMatchObject({ ciq_id: null });
    const trail = (await auditRows()).filter((r) => r.source_id === item.source_id);
    expect(trail.map((r) => [r.decided_by, r.before_method, r.after_ciq_id])).toEqual([
      ['tester', item.match_method, item.suggested_ciq_id],
      ['bob', 'human_review', null],
    ]);
    const { case: found } = await json('review', 'show', item.source_id);
    expect(found.decision).toMatchObject({
      match_method: 'human_review',
      matched_ciq_id: null,
      match_confidence: 0,
    });
    expect(found.history).toHaveLength(2);
  });

  it('export then import: counts, idempotent re-import, and an all-or-nothing refusal with line numbers', async () => {
    const out = path.join(dir, 'queue.csv');
    const exported = await json('review', 'export', '--out', out, '--limit', '5');
    expect(exported).toMatchObject({ command: 'review export', rows: 5, candidates: 3 });
    const { items } = await json('review', 'list', '--limit', '3');
    const decided = path.join(dir, 'decided.csv');
    writeFileSync(
      decided,
      [
        'source_id,source_system,decision,decided_ciq_id,note',
        `${items[0].source_id},CRM,accept,,`,
        `${items[1].source_id},CRM,choose,${items[1].candidates[1].ciq_id},second candidate`,
        `${items[2].source_id},CRM,reject,,`,
      ].join('\n'),
    );
    expect(await json('review', 'import', decided, '--by', 'sheet')).toMatchObject({
      command: 'review import',
      rows: 3,
      applied: 3,
      unchanged: 0,
    });
    expect(await json('review', 'import', decided, '--by', 'sheet')).toMatchObject({
      applied: 0,
      unchanged: 3,
    });

    const bad = path.join(dir, 'bad.csv');
    const [next] = (await json('review', 'list', '--limit', '1')).items;
    writeFileSync(
      bad,
      `source_id,source_system,decision,decided_ciq_id\n${next.source_id},CRM,accept,\nghost,CRM,reject,\n${next.source_id}x,CRM,perhaps,\n`,
    );
    const before = (await auditRows()).length;
    const refused = await em('review', 'import', 'bad.csv');
    expect(refused.code).toBe(EXIT.input);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('bad.csv: 2 problems; nothing was applied');
    expect(refused.err).toContain('bad.csv line 3: no case CRM/ghost');
    expect(refused.err).toContain('bad.csv line 4: ');
    expect(await auditRows()).toHaveLength(before);
    expect((await em('review', 'import', 'missing.csv')).code).toBe(EXIT.input);
  });

  it('plain `em review` without a terminal prints the queue and returns (text and --json)', async () => {
    const text = await em('review');
    expect(text.code).toBe(EXIT.ok);
    expect(text.out).toContain('suggested ciq_id');
    expect(text.out).toContain('Not a terminal');
    const { command, items } = await json('review', '--limit', '2');
    expect(command).toBe('review');
    expect(items).toHaveLength(2);
    const unknown = await em('review', 'bogus');
    expect(unknown.code).toBe(EXIT.input);
    expect(unknown.err).toContain('Unknown command "em review bogus"; the review commands are list, show');
  });
});
