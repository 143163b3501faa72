import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countLines, forEachCsvRow, readCsv } from '../bench/lib/csv.js';

const dir = mkdtempSync(path.join(tmpdir(), 'em-bench-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A BOM, CRLF, a blank line, quoted commas, doubled quotes, a line break inside quotes,
// multi-byte characters and a last line without its line break.
const text = '\uFEFFa,b,c\r\n"x,""y""",2,é\r\n\r\n"mu€lti\nline",,3\nlast,"q"\n""""""," ""a",\n"日本",,"end"';
const expected = [
  { a: 'x,"y"', b: '2', c: 'é' },
  { a: 'mu€lti\nline', b: '', c: '3' },
  { a: 'last', b: 'q', c: '' },
  { a: '""', b: ' "a', c: '' },
  { a: '日本', b: '', c: 'end' },
];

describe('bench CSV reader', () => {
  const file = path.join(dir, 'tricky.csv');
  writeFileSync(file, text);

  it('reads RFC 4180 records keyed by the header', () => {
    expect(readCsv(file)).toEqual(expected);
  });

  it('gives the same records whatever the chunk size (a chunk may end anywhere, even inside a character)', () => {
    const whole: string[][] = [];
    forEachCsvRow(file, (fields) => whole.push(fields));
    for (let chunk = 1; chunk <= Buffer.byteLength(text) + 1; chunk++) {
      const rows: string[][] = [];
      const count = forEachCsvRow(file, (fields) => rows.push(fields), chunk);
      expect(rows, `chunk of ${chunk} bytes`).toEqual(whole);
      expect(count).toBe(expected.length + 1);
    }
  });

  it('counts an upper bound of the records', () => {
    expect(countLines(file)).toBeGreaterThanOrEqual(expected.length + 1);
  });

  it('names the file of an unterminated quoted field', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n"open,1\n');
    expect(() => readCsv(bad)).toThrow(/bad\.csv: unterminated quoted field/);
  });
});
