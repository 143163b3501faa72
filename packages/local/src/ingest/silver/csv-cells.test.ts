import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/files.js';
import { Database } from '../../db/database.js';
import { csvCell, csvCellsReadOptions } from './csv-cells.js';

const tmp = tempDir();
let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

// Text as a company file may hold it: any Unicode (NUL is stripped before silver), with the
// characters CSV cares about made frequent.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replaceAll('\0', '')),
  fc
    .array(fc.constantFrom('"', ',', '\n', '\r', ' ', "'", 'a', 'É', '\t', '""', '\r\n'), { maxLength: 8 })
    .map((a) => a.join('')),
);

describe('csvCell', () => {
  it('reads back exactly through DuckDB: NULL stays NULL, empty stays empty, any text survives', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.option(text), fc.option(text)), { minLength: 1, maxLength: 30 }),
        async (rows) => {
          const file = tmp.file(`cells-${run++}.csv`);
          writeFileSync(file, rows.map(([a, b], i) => `${i},${csvCell(a)},${csvCell(b)}\n`).join(''));
          const back = await db.all<{ i: number; a: string | null; b: string | null }>(
            `SELECT i, a, b FROM read_csv($1, ${csvCellsReadOptions({ i: 'BIGINT', a: 'VARCHAR', b: 'VARCHAR' })}) ORDER BY i`,
            [file],
          );
          expect(back.map((r) => [r.a, r.b])).toEqual(rows);
        },
      ),
      { numRuns: 150 },
    );
  });
});
