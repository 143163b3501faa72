import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { csvLine, parseCsv } from '../src/review/review-csv.js';
import { ReviewImportError } from '../src/review/review-import.js';
import type { ReviewItem } from '../src/review/review-queue.js';
import { tempDir } from './helpers/files.js';
import { reviewFixture } from './review-fixture.js';

const tmp = tempDir();
let engine: LocalEngine;
let queue: ReviewItem[];

beforeAll(async () => {
  ({ engine } = await reviewFixture(tmp.file('em.duckdb')));
  queue = (await engine.reviewQueue()).filter((i) => i.candidates.length >= 3);
});
afterAll(async () => {
  await engine?.close();
  tmp.cleanup();
});

/** The exported queue with `decide(row)` filled into decision / decided_ciq_id for some rows. */
function decideInFile(
  file: string,
  out: string,
  decide: (row: Record<string, string>) => [string, string] | null,
  drop: readonly string[] = [],
): void {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'), () => undefined);
  const names = header!.fields;
  const keep = names.map((n, i) => (drop.includes(n) ? -1 : i)).filter((i) => i >= 0);
  const lines = rows.map((r) => {
    const row = Object.fromEntries(names.map((n, i) => [n, r.fields[i]!]));
    const decided = decide(row);
    if (decided) [row.decision, row.decided_ciq_id] = decided;
    return csvLine(keep.map((i) => row[names[i]!]!));
  });
  writeFileSync(out, csvLine(keep.map((i) => names[i]!)) + lines.join(''));
}

const gold = async (sourceId: string) =>
  (
    await engine.query<{ matched_ciq_id: string | null; match_method: string; reasoning: string }>(
      'SELECT matched_ciq_id, match_method, reasoning FROM gold.matched_entities WHERE source_id = $1',
      [sourceId],
    )
  )[0]!;
const decisionCount = async () =>
  (await engine.query<{ n: number }>('SELECT count(*) AS n FROM gold.review_decisions'))[0]!.n;

describe('review import is optimistic-concurrency checked', () => {
  it('an old export does not override a newer decision: the row is refused, listed, and nothing applied', async () => {
    const [a, b] = queue;
    await engine.exportReviewQueue(tmp.file('old.csv'));
    // After the export, someone decides case a on the command line.
    await engine.decide({ ...a!, ciq_id: a!.candidates[1]!.ciq_id, decidedBy: 'cli-user' });
    const before = await decisionCount();
    decideInFile(tmp.file('old.csv'), tmp.file('old-decided.csv'), (row) =>
      row.source_id === a!.source_id || row.source_id === b!.source_id ? ['reject', ''] : null,
    );
    const error = await engine
      .importReviewDecisions(tmp.file('old-decided.csv'), { decidedBy: 'sheet' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewImportError);
    expect((error as Error).message).toContain(
      `${a!.source_system}/${a!.source_id} changed after this file was exported`,
    );
    expect((error as Error).message).toContain('nothing was applied');
    expect(await decisionCount()).toBe(before);
    expect((await gold(a!.source_id)).matched_ciq_id).toBe(a!.candidates[1]!.ciq_id);
    expect((await gold(b!.source_id)).match_method).not.toBe('human_review');
  });

  it('a fresh export applies, and importing it again changes nothing', async () => {
    const b = queue[1]!;
    await engine.exportReviewQueue(tmp.file('fresh.csv'));
    decideInFile(tmp.file('fresh.csv'), tmp.file('fresh-decided.csv'), (row) =>
      row.source_id === b.source_id ? ['reject', ''] : null,
    );
    expect(
      await engine.importReviewDecisions(tmp.file('fresh-decided.csv'), { decidedBy: 'sheet' }),
    ).toMatchObject({
      applied: 1,
    });
    expect(
      await engine.importReviewDecisions(tmp.file('fresh-decided.csv'), { decidedBy: 'sheet' }),
    ).toMatchObject({
      applied: 0,
      unchanged: 1,
    });
  });

  it('accept means the suggested_ciq_id in the file, not whatever gold holds now', async () => {
    const c = queue[2]!;
    await engine.exportReviewQueue(tmp.file('accept.csv'));
    // A tool that wrote its own suggestion (the reviewer saw candidate 3) and no gold_version.
    decideInFile(
      tmp.file('accept.csv'),
      tmp.file('accept-decided.csv'),
      (row) => {
        if (row.source_id !== c.source_id) return null;
        row.suggested_ciq_id = c.candidates[2]!.ciq_id;
        return ['accept', ''];
      },
      ['gold_version'],
    );
    await engine.importReviewDecisions(tmp.file('accept-decided.csv'), { decidedBy: 'sheet' });
    expect((await gold(c.source_id)).matched_ciq_id).toBe(c.candidates[2]!.ciq_id);
    expect(c.suggested_ciq_id).not.toBe(c.candidates[2]!.ciq_id);
  });

  it('choosing a company that was never a candidate needs the explicit flag and is recorded as such', async () => {
    const d = queue[3]!;
    const candidateIds = new Set(d.candidates.map((x) => x.ciq_id));
    const [{ ciq_id: outsider }] = (
      await engine.query<{ ciq_id: string }>('SELECT ciq_id FROM bronze.reference_entities ORDER BY ciq_id')
    ).filter((r) => !candidateIds.has(r.ciq_id) && r.ciq_id !== d.matched_ciq_id) as [{ ciq_id: string }];
    await engine.exportReviewQueue(tmp.file('outside.csv'));
    decideInFile(tmp.file('outside.csv'), tmp.file('outside-decided.csv'), (row) =>
      row.source_id === d.source_id ? ['choose', outsider] : null,
    );
    await expect(
      engine.importReviewDecisions(tmp.file('outside-decided.csv'), { decidedBy: 'sheet' }),
    ).rejects.toThrow(/is not one of the case's candidates .* pass --allow-non-candidate/);
    await expect(engine.decide({ ...d, ciq_id: outsider, decidedBy: 'cli' })).rejects.toThrow(
      /not one of the case's candidates/,
    );
    await engine.importReviewDecisions(tmp.file('outside-decided.csv'), {
      decidedBy: 'sheet',
      allowNonCandidate: true,
    });
    const row = await gold(d.source_id);
    expect(row.matched_ciq_id).toBe(outsider);
    expect(row.reasoning).toContain('chosen outside the candidates');
    const [audit] = await engine.reviewDecisions({ source_id: d.source_id, source_system: d.source_system });
    expect(audit!.note).toContain('chosen outside the candidates');
  });
});
