// The adversarial-input corpus: files a careless user or an attacker hands `em ingest`, with what
// must come of each. Text files are written from here (some hold NUL or invalid UTF-8 bytes,
// awkward to commit); Parquet files are described as a DuckDB SELECT the test writes out. The
// OWASP payload list is data shared with core's tests: fixtures/adversarial/formula-payloads.txt.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** OWASP CSV-injection payloads, one per line (formula-payloads.txt). */
export const FORMULA_PAYLOADS: readonly string[] = readFileSync(
  path.join(here, '../../../../fixtures/adversarial/formula-payloads.txt'),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '');

export interface CorpusCase {
  readonly name: string;
  readonly kind: 'reference' | 'source';
  /** Records the file holds (what must be loaded + quarantined). */
  readonly recordsIn: number;
  /** Write the file into `dir` (text cases) or give the SELECT that makes it (Parquet cases). */
  readonly write?: (dir: string) => string;
  readonly parquetSelect?: string;
  /** The message (a warning, a quarantine reason, or the error refusing the file) that explains it. */
  readonly message: RegExp;
  /** The whole file is refused with `message` (nothing loaded). */
  readonly refused?: boolean;
}

const SOURCE_HEADER = 'source_id,source_system,company_name,country,industry';
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const plainRows = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `S${from + i},CRM,Company ${from + i} Inc.,US,Software`);
const text = (name: string, body: string | Buffer) => (dir: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
};

export const ADVERSARIAL_CORPUS: readonly CorpusCase[] = [
  {
    name: 'formula-source.csv',
    kind: 'source',
    recordsIn: FORMULA_PAYLOADS.length,
    write: text(
      'formula-source.csv',
      `${SOURCE_HEADER}\n${FORMULA_PAYLOADS.map((p, i) => [`${p}#${i}`, 'CRM', `${p} Holdings`, 'US', p].map(quote).join(',')).join('\n')}\n`,
    ),
    message: /formula-source\.csv: read \d+ = loaded \d+ \+ quarantined 0/,
  },
  {
    name: 'formula-reference.csv',
    kind: 'reference',
    recordsIn: FORMULA_PAYLOADS.length,
    write: text(
      'formula-reference.csv',
      `ciq_id,company_name,country,industry\n${FORMULA_PAYLOADS.map((p, i) => [`IQ9${i}`, `${p} Company`, 'US', p].map(quote).join(',')).join('\n')}\n`,
    ),
    message: /formula-reference\.csv: read \d+ = loaded \d+ \+ quarantined 0/,
  },
  {
    name: 'stray-quote.csv',
    kind: 'source',
    recordsIn: 40,
    write: text(
      'stray-quote.csv',
      `${SOURCE_HEADER}\n${plainRows(40)
        .map((row, i) =>
          i === 2 ? row.replace(',Company', ',"Company') : i === 12 ? `${row.slice(0, -9)}"Oil, Gas"` : row,
        )
        .join('\n')}\n`,
    ),
    message: /stray-quote\.csv line 4: a quote \("\) opens a field here .* swallowed lines 5–14/,
  },
  {
    name: 'stray-quote-at-end.csv',
    kind: 'source',
    recordsIn: 10,
    write: text(
      'stray-quote-at-end.csv',
      `${SOURCE_HEADER}\n${[...plainRows(9), 'S10,CRM,"Unclosed,US,x'].join('\n')}`,
    ),
    message: /stray-quote-at-end\.csv line 11: a quote \("\) opens a field/,
  },
  {
    name: 'nul-bytes.csv',
    kind: 'source',
    recordsIn: 5,
    write: text(
      'nul-bytes.csv',
      `${SOURCE_HEADER}\n${plainRows(5)
        .map((r, i) => (i % 2 ? r.replace('Company', 'Com\0pany') : r))
        .join('\n')}\n`,
    ),
    message: /nul-bytes\.csv: NUL bytes \(\\0\) removed from 2 rows/,
  },
  {
    name: 'invalid-utf8.csv',
    kind: 'source',
    recordsIn: 4,
    write: text(
      'invalid-utf8.csv',
      Buffer.concat([
        Buffer.from(`${SOURCE_HEADER}\n${plainRows(2).join('\n')}\nS3,CRM,Caf`),
        Buffer.from([0xe9]),
        Buffer.from(' de Flore,FR,Food\nS4,CRM,Z\u00fcrich AG,CH,Banks\n'),
      ]),
    ),
    message: /invalid-utf8\.csv line 4: invalid UTF-8 bytes/,
  },
  {
    name: 'mixed-line-endings.csv',
    kind: 'source',
    recordsIn: 6,
    write: text(
      'mixed-line-endings.csv',
      `${SOURCE_HEADER}\r\n${plainRows(6)
        .map((r, i) => r + (i % 2 ? '\n' : '\r\n'))
        .join('')}`,
    ),
    message: /mixed-line-endings\.csv: read 6 = loaded 6/,
  },
  {
    name: 'huge-field.csv',
    kind: 'source',
    recordsIn: 3,
    write: text(
      'huge-field.csv',
      `${SOURCE_HEADER}\nS1,CRM,${'H'.repeat(1 << 20)},US,x\n${plainRows(2, 2).join('\n')}\n`,
    ),
    message: /huge-field\.csv line 2: company_name is 1048576 characters long, over the limit of 4096/,
  },
  {
    name: 'broken.jsonl',
    kind: 'source',
    recordsIn: 3,
    write: text(
      'broken.jsonl',
      '{"source_id":"S1","source_system":"CRM","company_name":"=HYPERLINK(\\"http://x\\",\\"y\\")"}\n{"source_id":"S2","source_system":"CRM","company_name":"Cut sh\n{"source_id":"S3","source_system":"CRM","company_name":"Fine \\u0000 Ltd"}\n',
    ),
    message: /broken\.jsonl line 2: /,
  },
  {
    name: 'wrong-types.parquet',
    kind: 'reference',
    recordsIn: 2,
    parquetSelect: `SELECT * FROM (VALUES ('IQ1', 'Apple Inc.', 1e20::DOUBLE), ('IQ2', 'Pear Ltd', 37833100::DOUBLE)) t(ciq_id, company_name, cusip)`,
    message: /wrong-types\.parquet: identifier column cusip \(DOUBLE\) must be text/,
    refused: true,
  },
  {
    name: 'soft-types.parquet',
    kind: 'reference',
    recordsIn: 2,
    parquetSelect: `SELECT * FROM (VALUES ('IQ1', '=1+1', DATE '2024-01-01', true), ('IQ2', 'Pear Ltd', DATE '2024-02-01', false)) t(ciq_id, company_name, industry, sector)`,
    message: /soft-types\.parquet: column industry has type DATE, not text; it was read as text/,
  },
];
