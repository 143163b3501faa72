import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { openEngine } from './helpers/engine.js';
import { tempDir, writeText } from './helpers/files.js';

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

const HEADER = 'source_id,source_system,company_name,industry';
/** Line n of a file (the header is line 1): a plain record, with a quoted field every tenth line. */
const record = (n: number) =>
  n % 10 === 4 ? `S${n},CRM,Company ${n},"Oil, Gas & Fuels"` : `S${n},CRM,Company ${n},Software`;
const file = (name: string, lines: string[]) =>
  writeText(tmp.file(name), `${[HEADER, ...lines].join('\n')}\n`);
const records = (count: number) => Array.from({ length: count }, (_, i) => record(i + 2));
const quarantine = () =>
  engine.query<{ source_line: number; reason: string; raw_record: string }>(
    'SELECT source_line, reason, raw_record FROM gold.quarantine ORDER BY source_line',
  );
const loadedIds = async () =>
  (await engine.query<{ source_id: string }>('SELECT source_id FROM bronze.source_entities')).map(
    (r) => r.source_id,
  );

describe('a stray quote', () => {
  it('quarantines its own line, names the lines it would swallow, and loads the rows after it', async () => {
    const lines = records(999);
    lines[2] = 'S4,CRM,"Company 4,Software'; // line 4: a quote that never closes; line 14 has the next quote
    const report = await engine.ingest('source', file('stray.csv', lines));
    expect(report).toMatchObject({ lines: 999, read: 999, loaded: 998, quarantined: 1 });
    const [q] = await quarantine();
    expect(q!.source_line).toBe(4);
    expect(q!.raw_record).toBe('S4,CRM,"Company 4,Software');
    expect(q!.reason).toContain('would have swallowed lines 5–14');
    expect(report.warnings.join('\n')).toMatch(/stray\.csv line 4: .*swallowed lines 5–14/);
    const ids = new Set(await loadedIds());
    for (let n = 5; n <= 14; n++) expect(ids.has(`S${n}`)).toBe(true);
  });

  it('at the end of the file: quarantined, everything before it loaded', async () => {
    const lines = [...records(20), 'S99,CRM,"Company 99,Software'];
    const report = await engine.ingest('source', file('eof.csv', lines));
    expect(report).toMatchObject({ read: 21, loaded: 20, quarantined: 1 });
  });

  it('with no quote after it: the rows after it are re-read, not lost up to the end of the file', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `S${i + 2},CRM,Company ${i + 2},Software`);
    lines[0] = 'S2,CRM,"Company 2,Software';
    const report = await engine.ingest('source', file('runaway.csv', lines));
    expect(report).toMatchObject({ read: 30, loaded: 29, quarantined: 1 });
    expect((await quarantine())[0]!.reason).toContain('every line after it to the end of the file');
  });

  it('a field that legitimately spans lines is one record', async () => {
    const lines = records(10);
    lines[3] = 'S5,CRM,"Company\nwith a line break",Software';
    const report = await engine.ingest('source', file('multiline.csv', lines));
    expect(report).toMatchObject({ lines: 11, read: 10, loaded: 10, quarantined: 0 });
  });
});

describe('NUL bytes and invalid UTF-8', () => {
  it('NUL bytes are removed with a note, never stored', async () => {
    const report = await engine.ingest(
      'source',
      writeText(
        tmp.file('nul.csv'),
        `${HEADER}\nS1,CRM,Ac\0me,Software\nS2,CRM,"Be\0ta",Soft\0ware\nS3,CRM,Gamma,x\n`,
      ),
    );
    expect(report).toMatchObject({ read: 3, loaded: 3 });
    expect(report.warnings.join('\n')).toContain('NUL bytes (\\0) removed from 2 rows (first at line 2)');
    const rows = await engine.query<{ n: number }>(
      `SELECT count(*) AS n FROM bronze.source_entities WHERE strpos(company_name || coalesce(industry, ''), chr(0)) > 0`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('invalid UTF-8 keeps the letters around the bad byte and shows the byte as \\xE9', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\nS1,CRM,Caf`),
      Buffer.from([0xe9]),
      Buffer.from(' Inc,Software\nS2,CRM,Beta,Software\n'),
    ]);
    const report = await engine.ingest('source', writeText(tmp.file('latin1.csv'), bytes));
    expect(report).toMatchObject({ read: 2, loaded: 1, quarantined: 1 });
    expect((await quarantine())[0]!.raw_record).toBe('S1,CRM,Caf\\xE9 Inc,Software');
  });
});
