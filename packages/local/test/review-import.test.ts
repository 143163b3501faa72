import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '@em/core';
import fc from 'fast-check';
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
  queue = await engine.reviewQueue();
});
afterAll(async () => {
  await engine?.close();
  tmp.cleanup();
});

/** The state import must leave alone when it refuses a file. */
const snapshot = () =>
  engine.query(
    `SELECT (SELECT count(*) FROM gold.review_decisions) AS decisions,
            (SELECT count(*) FROM gold.matched_entities WHERE match_method = 'human_review') AS human`,
  );

const parse = (text: string) => parseCsv(text, () => undefined);

describe('em review export', () => {
  it('writes the queue in order, top candidates in columns, and empty decision columns', async () => {
    const out = tmp.file('queue.csv');
    const result = await engine.exportReviewQueue(out, { candidates: 2 });
    expect(result).toEqual({ rows: queue.length, path: out, candidates: 2 });
    const [header, ...rows] = parse(readFileSync(out, 'utf8'));
    const names = header!.fields;
    expect(names.slice(0, 3)).toEqual(['source_id', 'source_system', 'company_name']);
    expect(names).toEqual(
      expect.arrayContaining(['candidate_1_ciq_id', 'candidate_2_retrieval_score', 'suggested_ciq_id']),
    );
    expect(names).not.toContain('candidate_3_ciq_id');
    expect(names.slice(-3)).toEqual(['decision', 'decided_ciq_id', 'note']);
    expect(rows).toHaveLength(queue.length);
    const col = (name: string) => names.indexOf(name);
    rows.forEach((row, i) => {
      expect(row.fields).toHaveLength(names.length);
      expect(row.fields[col('source_id')]).toBe(queue[i]!.source_id);
      expect(row.fields[col('candidate_1_ciq_id')]).toBe(queue[i]!.candidates[0]?.ciq_id ?? '');
      expect(row.fields.slice(-3)).toEqual(['', '', '']);
    });
  });

  it('imports the untouched export as all undecided', async () => {
    const report = await engine.importReviewDecisions(tmp.file('queue.csv'), { decidedBy: 'x' });
    expect(report).toMatchObject({ rows: queue.length, applied: 0, unchanged: 0, undecided: queue.length });
  });
});

describe('em review import', () => {
  it('applies accept / choose / reject rows, counts the rest undecided, and changes nothing the second time', async () => {
    const [a, b, c] = queue;
    const file = tmp.file('decided.csv');
    writeFileSync(
      file,
      [
        'source_id,source_system,decision,decided_ciq_id,note',
        `${a!.source_id},${a!.source_system},accept,,`,
        `${b!.source_id},${b!.source_system},choose,${b!.candidates[2]!.ciq_id},"third one, ""really"""`,
        `${c!.source_id},${c!.source_system},REJECT,,private company`,
        `${queue[3]!.source_id},${queue[3]!.source_system},,,`,
      ].join('\r\n'),
    );
    const first = await engine.importReviewDecisions(file, { decidedBy: 'importer' });
    expect(first).toMatchObject({ rows: 4, applied: 3, unchanged: 0, undecided: 1 });
    expect(first.decisions.map((d) => [d.source_id, d.after_ciq_id, d.decided_by, d.note])).toEqual([
      [a!.source_id, a!.suggested_ciq_id, 'importer', null],
      [b!.source_id, b!.candidates[2]!.ciq_id, 'importer', 'third one, "really"'],
      [c!.source_id, null, 'importer', 'private company'],
    ]);
    const before = await snapshot();
    const second = await engine.importReviewDecisions(file, { decidedBy: 'importer' });
    expect(second).toMatchObject({ rows: 4, applied: 0, unchanged: 3, undecided: 1, decisions: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('reads a decided_ciq_id-only file: empty means no match', async () => {
    const [, , , d, e] = queue;
    const file = tmp.file('ids-only.csv');
    writeFileSync(
      file,
      `source_system;source_id;decided_ciq_id\n${d!.source_system};${d!.source_id};${d!.candidates[0]!.ciq_id}\n${e!.source_system};${e!.source_id};\n`,
    );
    const report = await engine.importReviewDecisions(file, { decidedBy: 'sheet' });
    expect(report).toMatchObject({ rows: 2, applied: 2, undecided: 0 });
    expect(report.decisions.map((r) => r.after_ciq_id)).toEqual([d!.candidates[0]!.ciq_id, null]);
  });

  it('reports every bad row by line and applies nothing, not even the good rows', async () => {
    const [, , , , , f, g, h] = queue;
    const file = tmp.file('bad.csv');
    writeFileSync(
      file,
      [
        'source_id,source_system,decision,decided_ciq_id,note',
        `${f!.source_id},${f!.source_system},accept,,"a note`,
        'spanning lines"',
        'NOPE,CRM,reject,,',
        `${g!.source_id},${g!.source_system},choose,IQ-MISSING,`,
        `${h!.source_id},${h!.source_system},maybe,,`,
        `${f!.source_id},${f!.source_system},reject,,`,
        `${queue[9]!.source_id},${queue[9]!.source_system},choose,,`,
        `${h!.source_id},${h!.source_system}`,
        `${queue[8]!.source_id},${queue[8]!.source_system},reject,${queue[8]!.candidates[0]!.ciq_id},`,
      ].join('\n'),
    );
    const before = await snapshot();
    const error = await engine.importReviewDecisions(file, { decidedBy: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ReviewImportError);
    expect(InputError.isInstance(error)).toBe(true);
    const problems = (error as ReviewImportError).problems;
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    const message = (error as Error).message;
    expect(message).toMatch(/^bad\.csv: 7 problems; nothing was applied/);
    expect(message).toContain('bad.csv line 4: no case CRM/NOPE');
    expect(message).toContain('line 5: decided_ciq_id IQ-MISSING is not in the reference');
    expect(message).toContain('line 6: decision "maybe" is not one of accept, reject, choose');
    expect(message).toContain('(first on line 2)');
    expect(message).toContain('line 8: choose needs a decided_ciq_id');
    expect(message).toContain('line 9: 2 fields, but the header has 5');
    expect(message).toContain('line 10: reject means no match');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a header without the key or decision columns', async () => {
    const file = tmp.file('no-key.csv');
    writeFileSync(file, 'id,verdict\nA,accept\n');
    const error = await engine.importReviewDecisions(file, { decidedBy: 'x' }).catch((e) => e);
    expect((error as Error).message).toContain(
      'line 1: the header lacks source_id, source_system, decision or decided_ciq_id',
    );
  });
});

describe('review CSV', () => {
  it('reads back what it writes, with the line each record starts on', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('a,b', 'x"y', 'line\nbreak', 'crlf\r\nend', ''));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 6 }), (records) => {
        const text = `h1,h2\n${records.map(csvLine).join('')}`;
        const parsed = parse(text);
        const expected = records.filter((r) => r.some((f) => f !== '') || r.length > 1);
        expect(parsed.slice(1).map((r) => r.fields)).toEqual(expected.map((r) => r.map((f) => f)));
        let line = 2;
        parsed.slice(1).forEach((r, i) => {
          expect(r.line).toBe(line);
          line += csvLine(expected[i]!).split('\n').length - 1;
        });
      }),
    );
  });
});
