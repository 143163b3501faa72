import { InputError, SOURCE_COLUMNS } from '@em/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { validIsin } from './helpers/dataset.js';
import { openEngine } from './helpers/engine.js';
import { tempDir, toCsv, writeText } from './helpers/files.js';

const tmp = tempDir();
let engine: LocalEngine;
beforeEach(async () => {
  await engine?.close();
  engine = await openEngine();
});
afterAll(async () => {
  await engine.close();
  tmp.cleanup();
});

const INJECTION = "x'); DROP TABLE gold.matched_entities; --";
const QUOTES = `"Quoted" 'Single' ""Double"" \\ Backslash, Inc.`;
const HUGE = 'H'.repeat(1 << 20);
const goodIsin = validIsin(42);
const badIsin = `${goodIsin.slice(0, 11)}${(Number(goodIsin[11]) + 1) % 10}`;

interface QRow {
  source_line: number;
  reason: string;
  raw_record: string;
  source_file: string;
  entity_kind: string;
}
const quarantine = (e: LocalEngine) =>
  e.query<QRow>(
    'SELECT source_line, reason, raw_record, source_file, entity_kind FROM gold.quarantine ORDER BY source_line',
  );

describe('a bad-input corpus', () => {
  it('loads what it can, quarantines the rest with line and reason, and reconciles', async () => {
    const header = SOURCE_COLUMNS.join(',');
    const lines = [
      header, // 1
      'S1,CRM,Acme Inc,ACM,,,,US,Tools', // 2 good
      'S2,CRM,Too Few Fields', // 3 wrong field count
      'S3,CRM,Too,Many,Fields,a,b,c,d,e,f', // 4 wrong field count (extra empty trailing fields would be ignored)
      'S4,CRM,,,,,,US,Tools', // 5 empty name
      'S5,CRM,   ,,,,,US,Tools', // 6 whitespace name
      `S6,CRM,${HUGE},,,,,US,Tools`, // 7 1 MB name
      'S7,CRM,First Version,,,,,US,Tools', // 8 duplicate key, superseded by line 12
      `S8,CRM,Bad Check Digit AG,,,,${badIsin},DE,Banks`, // 9 kept, ISIN nulled in silver
      `S9,CRM,"${INJECTION.replaceAll('"', '""')}",,,,,US,Tools`, // 10 SQL in a name
      `S10,CRM,"${QUOTES.replaceAll('"', '""')}",,,,,US,Tools`, // 11 quotes in a name
      'S7,CRM,Second Version,,,,,US,Tools', // 12 duplicate key wins
      ',CRM,No Id,,,,,US,Tools', // 13 empty key
      Buffer.from('S11,CRM,Caf\xe9 Latin1,,,,,FR,Food', 'latin1').toString('latin1'), // 14 invalid UTF-8
      'S12,CRM,"Unterminated quote,,,,,US,Tools', // 15 unterminated quote (last line)
    ];
    const body = Buffer.concat(lines.map((l, i) => Buffer.from(`${l}\n`, i === 13 ? 'latin1' : 'utf8')));
    const file = writeText(tmp.file('bad.csv'), body);

    const report = await engine.ingest('source', file);
    expect(report.read).toBe(report.loaded + report.quarantined);
    const q = await quarantine(engine);
    expect(report).toMatchObject({ read: 14, loaded: 5, quarantined: 9 });
    expect(q.map((r) => [r.source_line, r.reason])).toEqual([
      [3, 'wrong number of fields (Expected Number of Columns: 9 Found: 3)'],
      [4, expect.stringMatching(/wrong number of fields/)],
      [5, 'company_name is empty'],
      [6, 'company_name is empty'],
      [7, 'company_name is 1048576 characters long, over the limit of 4096'],
      [8, 'duplicate key (source_id S7, source_system CRM), superseded by line 12'],
      [13, 'source_id is empty'],
      [14, expect.stringMatching(/invalid UTF-8/)],
      [15, expect.stringMatching(/a quote \("\) opens a field here and is never closed/)],
    ]);
    expect(q.every((r) => r.source_file === file && r.entity_kind === 'source')).toBe(true);
    expect(q.find((r) => r.source_line === 7)?.raw_record.length).toBeLessThan(9000);
    expect(q.find((r) => r.source_line === 8)?.raw_record).toContain('First Version');

    const loaded = await engine.query<{ source_id: string; company_name: string; source_line: number }>(
      'SELECT source_id, company_name, source_line FROM bronze.source_entities ORDER BY source_line',
    );
    expect(loaded.map((r) => [r.source_line, r.source_id])).toEqual([
      [2, 'S1'],
      [9, 'S8'],
      [10, 'S9'],
      [11, 'S10'],
      [12, 'S7'],
    ]);
    expect(loaded.find((r) => r.source_id === 'S9')?.company_name).toBe(INJECTION);
    expect(loaded.find((r) => r.source_id === 'S10')?.company_name).toBe(QUOTES);
    expect(loaded.find((r) => r.source_id === 'S7')?.company_name).toBe('Second Version');

    const [silver] = await engine.query<{ isin: string | null; isin_raw: string; identifier_notes: string }>(
      `SELECT isin, isin_raw, identifier_notes FROM silver.normalized_entities WHERE source_id = 'S8'`,
    );
    expect(silver).toMatchObject({ isin: null, isin_raw: badIsin });
    expect(silver?.identifier_notes).toMatch(/ISIN/);

    expect(
      report.warnings.some((w) => /bad\.csv line 5: company_name is empty; the row was quarantined/.test(w)),
    ).toBe(true);

    // The SQL-looking name went nowhere near the SQL: the table is there and takes the row.
    await engine.ingest(
      'reference',
      writeText(tmp.file('ref.csv'), toCsv(['ciq_id', 'company_name'], [['IQ1', 'Ref']])),
    );
    const run = await engine.run();
    expect(run.processed).toBe(5);
    const stored = await engine.query<{ company_name: string }>(
      `SELECT company_name FROM gold.matched_entities WHERE source_id = 'S9'`,
    );
    expect(stored).toEqual([{ company_name: INJECTION }]);
  });

  it('quarantines the line of a mid-file unterminated quote and loads the lines after it', async () => {
    const file = writeText(
      tmp.file('quote.csv'),
      'source_id,source_system,company_name\nA,S,Good\nB,S,"Open quote\nC,S,Not swallowed\n',
    );
    const report = await engine.ingest('source', file);
    expect(report).toMatchObject({ read: 3, loaded: 2, quarantined: 1 });
    const [row] = await quarantine(engine);
    expect(row?.source_line).toBe(3);
    expect(row?.raw_record).toBe('B,S,"Open quote');
    expect(row?.reason).toContain('every line after it to the end of the file');
  });

  it('names the file, the missing column and the expected header', async () => {
    const file = writeText(tmp.file('nocol.csv'), 'source_id,company,isin\n1,Acme,\n');
    const error = await engine.ingest('source', file).catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /nocol\.csv: missing required columns source_system, company_name \(or pass --system NAME\)/,
    );
    expect((error as Error).message).toContain(SOURCE_COLUMNS.join(','));
    const runs = await engine.query<{ status: string; message: string }>(
      `SELECT status, message FROM ops.runs`,
    );
    expect(runs).toMatchObject([{ status: 'failed', message: expect.stringMatching(/missing required/) }]);
  });

  it('warns about unknown columns and ignores them', async () => {
    const file = writeText(
      tmp.file('extra.csv'),
      'Source_ID,Source System,Company-Name,notes,rating\n1,S,Acme,hello,5\n',
    );
    const report = await engine.ingest('source', file);
    expect(report).toMatchObject({ read: 1, loaded: 1 });
    expect(report.warnings).toEqual([expect.stringMatching(/unknown columns ignored: notes, rating/)]);
  });

  it('refuses empty, missing and unknown-type files clearly', async () => {
    for (const [name, text, message] of [
      ['empty.csv', '', /empty\.csv is empty: expected a header line/],
      ['data.xlsx', 'x', /unknown file type "\.xlsx"/],
      ['broken.parquet', 'not parquet', /could not be read as Parquet/],
    ] as const) {
      const error = await engine.ingest('source', writeText(tmp.file(name), text)).catch((e: unknown) => e);
      expect(InputError.isInstance(error), name).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
    const missing = await engine.ingest('source', tmp.file('nope.csv')).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/nope\.csv: no such file/);
  });

  it('reads a file mixing CRLF and LF line endings, with a warning', async () => {
    const file = writeText(
      tmp.file('mixed.csv'),
      'source_id,source_system,company_name\r\nA,S,One\r\nB,S,Two\nC,S\n',
    );
    const report = await engine.ingest('source', file);
    expect(report).toMatchObject({ read: 3, loaded: 2, quarantined: 1 });
    expect(report.warnings.join('\n')).toMatch(/mixes CRLF and LF/);
    expect((await quarantine(engine))[0]?.source_line).toBe(4);
  });

  it('handles semicolon files, blank lines and a BOM', async () => {
    const file = writeText(
      tmp.file('semi.csv'),
      '\ufeffsource_id;source_system;company_name\n\nA;S;One\n\nB;S\nC;S;Three\n',
    );
    const report = await engine.ingest('source', file);
    expect(report).toMatchObject({ read: 3, loaded: 2, quarantined: 1 });
    const lines = await engine.query<{ source_id: string; source_line: number }>(
      'SELECT source_id, source_line FROM bronze.source_entities ORDER BY source_line',
    );
    expect(lines).toEqual([
      { source_id: 'A', source_line: 3 },
      { source_id: 'C', source_line: 6 },
    ]);
    expect((await quarantine(engine))[0]?.source_line).toBe(5);
  });

  it('quarantines bad JSONL lines with their numbers', async () => {
    const file = writeText(
      tmp.file('bad.jsonl'),
      [
        '{"source_id": "A", "source_system": "S", "company_name": "Good"}',
        '',
        'not json',
        '[1, 2]',
        '{"source_id": "B", "source_system": "S", "company_name": {"nested": true}}',
        '{"source_id": 7, "source_system": "S", "company_name": "Number Id", "isin": null}',
        '{"source_id": "C", "source_system": "S"}',
      ].join('\n'),
    );
    const report = await engine.ingest('source', file);
    expect(report).toMatchObject({ read: 6, loaded: 2, quarantined: 4 });
    expect((await quarantine(engine)).map((r) => [r.source_line, r.reason])).toEqual([
      [3, 'not valid JSON'],
      [4, 'not a JSON object'],
      [5, 'company_name is a JSON object, expected text or a number'],
      [7, 'company_name is empty'],
    ]);
    const ids = await engine.query<{ source_id: string }>(
      'SELECT source_id FROM bronze.source_entities ORDER BY 1',
    );
    expect(ids).toEqual([{ source_id: '7' }, { source_id: 'A' }]);
  });

  it('quarantines a line over the CSV reader 2 MB limit and keeps counting lines', async () => {
    const file = writeText(
      tmp.file('huge-line.csv'),
      `source_id,source_system,company_name\nA,S,${'x'.repeat(3 << 20)}\nB,S,After\n`,
    );
    const report = await engine.ingest('source', file);
    expect(report).toMatchObject({ read: 2, loaded: 1, quarantined: 1 });
    expect((await quarantine(engine)).map((r) => [r.source_line, r.reason])).toEqual([
      [2, "line longer than the CSV reader's 2 MB limit"],
    ]);
    expect(await engine.query('SELECT source_id, source_line FROM bronze.source_entities')).toEqual([
      { source_id: 'B', source_line: 3 },
    ]);
  });

  it('applies a configurable field limit', async () => {
    const file = writeText(
      tmp.file('long.csv'),
      `source_id,source_system,company_name\nA,S,${'x'.repeat(50)}\nB,S,short\n`,
    );
    const report = await engine.ingest('source', file, { maxFieldLength: 20 });
    expect(report).toMatchObject({ read: 2, loaded: 1, quarantined: 1 });
  });
});
