import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { openCsv } from '../src/ingest/csv-input.js';
import { tempDir, writeText } from './helpers/files.js';

const tmp = tempDir();
// ~60 bytes a line: 24 MB, several of DuckDB's CSV buffers, so the scan runs on several threads.
const PAD = 'x'.repeat(40);
afterAll(() => tmp.cleanup());

describe('CSV line numbers', () => {
  it('numbers every row by its physical line in a file big enough to be read in parallel', async () => {
    const lines = ['id,name'];
    const bad: number[] = [];
    let blanks = 0;
    for (let line = 2; line <= 400_000; line++) {
      if (line % 997 === 0) {
        lines.push(`${line}`); // too few fields
        bad.push(line);
      } else if (line % 1499 === 0) {
        lines.push(''); // blank
        blanks++;
      } else if (line % 2003 === 0) {
        lines.push(`${line},x,y`); // too many fields
        bad.push(line);
      } else lines.push(`${line},name ${line % 100} ${PAD}`);
    }
    const file = writeText(tmp.file('big.csv'), `${lines.join('\n')}\n`);
    const db = await Database.open(':memory:');
    try {
      const reader = await openCsv(file, ['id', 'name']);
      await reader.load(
        db,
        ['id', 'name'],
        new Map([
          ['id', 0],
          ['name', 1],
        ]),
      );
      const [check] = await db.all<{ n: number; wrong: number }>(
        'SELECT count(*) AS n, count(*) FILTER (WHERE id::BIGINT <> line) AS wrong FROM em_stage',
      );
      expect(check?.wrong).toBe(0);
      const rejects = await db.all<{ line: number }>('SELECT line FROM em_stage_rejects ORDER BY line');
      expect(rejects.map((r) => r.line)).toEqual(bad);
      expect((check?.n ?? 0) + rejects.length + blanks).toBe(400_000 - 1);
    } finally {
      db.close();
    }
  });
});
