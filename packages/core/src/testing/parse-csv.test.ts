import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from './parse-csv.js';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes, line breaks and CRLF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n,,\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['', '', ''],
    ]);
  });

  it('keeps a last record without a final line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses quotes a writer should have quoted', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/record 1: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/record 2: text after a closing quote/);
    expect(() => parseCsv('"open\n')).toThrow(/unterminated quote/);
    expect(parseCsv('""\n')).toEqual([['']]);
  });

  it('keys rows by header and rejects ragged rows', () => {
    expect(parseCsvObjects('id,name\n1,"A, Inc."\n')).toEqual([{ id: '1', name: 'A, Inc.' }]);
    expect(() => parseCsvObjects('id,name\n1\n')).toThrow(/line 2/);
  });
});
