import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSession } from '../src/commands/review-session.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { buildReviewDb, withDb } from './review-db.js';

const db = path.join(tempDir('em-cli-review-session-'), 'em.duckdb');

beforeAll(() => buildReviewDb(db));
afterAll(removeTempDirs);

/** Keys handed out in order; running out means the session asked for more than the script holds. */
function scripted(keys: string[]) {
  let screen = '';
  return {
    write: (text: string) => {
      screen += text;
    },
    readKey: async () => {
      const key = keys.shift();
      if (key === undefined)
        throw new Error(`the session asked for a key after the script ended:\n${screen}`);
      return key;
    },
    screen: () => screen,
  };
}

describe('the interactive review session', () => {
  it('digits choose, a accepts, n marks no match, s skips, q quits; bad keys ask again', async () => {
    await withDb(db, async (engine) => {
      const items = await engine.reviewQueue({ limit: 6 });
      const io = scripted(['x', '0', '2', 'a', 'n', 's', 'q']);
      const summary = await reviewSession(engine, items, io, 'kim');
      expect(summary).toMatchObject({ shown: 5, chosen: 1, accepted: 1, noMatch: 1, skipped: 1, quit: true });
      expect(io.screen()).toContain('Unknown key "x"');
      expect(io.screen()).toContain('Unknown key "0"');
      expect(io.screen()).toContain('Case 5 of 6');
      expect(io.screen()).toContain('1 chosen');
      const trail = await engine.reviewDecisions();
      expect(trail.map((d) => [d.source_id, d.decided_by, d.after_ciq_id])).toEqual([
        [items[0]!.source_id, 'kim', items[0]!.candidates[1]!.ciq_id],
        [items[1]!.source_id, 'kim', items[1]!.suggested_ciq_id],
        [items[2]!.source_id, 'kim', null],
      ]);
      const [left] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM gold.review_queue');
      expect(summary.remaining).toBe(left!.n);
    });
  });

  it('a case without candidates offers no digits and no accept', async () => {
    await withDb(db, async (engine) => {
      await engine.query(
        `UPDATE gold.matched_entities SET candidates = '[]' WHERE source_id = (
           SELECT source_id FROM gold.review_queue ORDER BY match_confidence, source_system, source_id LIMIT 1)`,
      );
      const [item] = await engine.reviewQueue({ limit: 1 });
      const io = scripted(['1', 'a', 's']);
      const summary = await reviewSession(engine, [item!], io, 'kim');
      expect(summary).toMatchObject({ shown: 1, skipped: 1, quit: false });
      expect(io.screen()).toContain('No candidates were retrieved');
      expect(io.screen()).toContain('[n no match · s skip · q quit]');
      expect(io.screen()).toContain('Unknown key "1"');
      expect(io.screen()).toContain('There is no suggestion to accept');
    });
  });
});
