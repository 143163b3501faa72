import { rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@em/core';
import { unescapeFormulaSql } from '@em/sql';
import type { Database } from '../db/database.js';
import { findBlankLines } from './blank-lines.js';
import { readCsvHeader } from './csv-header.js';
import { type RunawayQuote, scanCsvQuotes } from './csv-quote-scan.js';
import { type ColumnMapping, type InputReader, lineNumberSql, stageColumns } from './input-reader.js';
import { copyWithLfLineEndings } from './normalize-line-endings.js';
import { readVisibleLines } from './raw-line-bytes.js';
import { copyWithBlankedRanges } from './repair-copy.js';

/** DuckDB's reject error types, in words a user can act on. */
const REJECT_REASON = `CASE error_type
    WHEN 'MISSING COLUMNS' THEN 'wrong number of fields (' || coalesce(error_message, '?') || ')'
    WHEN 'TOO MANY COLUMNS' THEN 'wrong number of fields (' || coalesce(error_message, '?') || '); quote fields that contain the delimiter'
    WHEN 'UNQUOTED VALUE' THEN 'malformed quotes (' || coalesce(error_message, '?') || ')'
    WHEN 'INVALID ENCODING' THEN 'invalid UTF-8 bytes; save the file as UTF-8'
    WHEN 'LINE SIZE OVER MAXIMUM' THEN 'line longer than the CSV reader''s 2 MB limit'
    ELSE concat_ws(': ', error_type, error_message) END`;

const isMixedLineEndings = (error: unknown): boolean =>
  /state machine reached an invalid state/i.test(String(error));

/**
 * Read the file's rows as text into `em_raw`, already in `em_stage`'s shape (canonical columns,
 * formula guards undone), each numbered `line` as if no line were rejected or blank; the lines
 * DuckDB rejects go to `em_rejects`.
 */
async function scan(
  db: Database,
  file: string,
  count: number,
  delimiter: string,
  canonical: readonly string[],
  mapping: ColumnMapping,
): Promise<void> {
  const columns = Array.from({ length: count }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await db.run('DROP TABLE IF EXISTS em_rejects; DROP TABLE IF EXISTS em_reject_scans', [], 'ingest');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_raw AS
     SELECT row_number() OVER () + 1 AS line, ${stageColumns(canonical, mapping, (i) => unescapeFormulaSql(`c${i}`))},
            NULL::VARCHAR AS type_problem
     FROM read_csv($1, header = false, skip = 1, auto_detect = false,
       columns = {${columns}}, delim = ${delimiter === '\t' ? "'\\t'" : `'${delimiter}'`}, quote = '"', escape = '"',
       store_rejects = true, rejects_table = 'em_rejects', rejects_scan = 'em_reject_scans')`,
    [file],
    `reading ${path.basename(file)}`,
  );
}

/**
 * Turn `em_raw` into `em_stage`: when DuckDB rejected lines or the file has blank lines, the
 * k-th good row is not on line k + 1, so number the rows again around those lines.
 */
async function numberLines(db: Database, blanks: readonly number[]): Promise<void> {
  const { rejected } = await db.one<{ rejected: number }>(
    'SELECT count(*) AS rejected FROM em_rejects',
    [],
    'ingest',
  );
  if (rejected === 0 && blanks.length === 0) {
    await db.run('DROP TABLE IF EXISTS em_stage; ALTER TABLE em_raw RENAME TO em_stage', [], 'ingest');
    return;
  }
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_excluded AS
     SELECT DISTINCT line::BIGINT AS line FROM em_rejects UNION SELECT unnest($1::BIGINT[]) AS line`,
    [blanks.map(BigInt)],
    'ingest',
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_stage AS
     SELECT line, * EXCLUDE (k, line) FROM (${lineNumberSql('(SELECT line - 1 AS k, * EXCLUDE (line) FROM em_raw)', 'em_excluded', 2)})`,
    [],
    'ingest',
  );
  await db.run('DROP TABLE em_raw; DROP TABLE em_excluded', [], 'ingest');
}

/**
 * Most lines one CSV record may span (a quoted field with line breaks). A quoted field still open
 * after this many lines is taken for a stray quote: its line is quarantined, the rest re-read.
 */
export const MAX_RECORD_LINES = 5;

/** A CSV file: header parsed here, rows read by DuckDB as text, malformed lines kept as rejects. */
export async function openCsv(file: string, expected: readonly string[]): Promise<InputReader> {
  const header = await readCsvHeader(file, expected);
  const warnings: string[] = [];
  const temps: string[] = [];
  const reader: InputReader = {
    format: 'csv',
    columns: header.names,
    warnings,
    async load(db: Database, canonical: readonly string[], mapping: ColumnMapping) {
      // A stray quote would make DuckDB read every line up to the next quote as one field:
      // find those first, read the file without their lines, quarantine the lines themselves.
      const quotes = scanCsvQuotes(file, header.delimiter, MAX_RECORD_LINES);
      reader.lines = Math.max(0, quotes.lines - 1);
      let readFrom = file;
      if (quotes.runaways.length > 0) {
        readFrom = await copyWithBlankedRanges(file, quotes.runaways);
        temps.push(readFrom);
      }
      try {
        try {
          await scan(db, readFrom, header.names.length, header.delimiter, canonical, mapping);
        } catch (error) {
          if (!isMixedLineEndings(error)) throw error;
          const temp = await copyWithLfLineEndings(readFrom);
          temps.push(temp);
          readFrom = temp;
          warnings.push(
            `${path.basename(file)} mixes CRLF and LF line endings; it was read with LF line endings.`,
          );
          await scan(db, readFrom, header.names.length, header.delimiter, canonical, mapping);
        }
      } catch (error) {
        const detail = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
        throw new InputError(`${path.basename(file)} could not be read as CSV: ${detail.split('\n')[0]}`, {
          cause: error,
        });
      }
      await numberLines(db, await findBlankLines(readFrom));
      await db.run(
        `CREATE OR REPLACE TEMP TABLE em_stage_rejects AS
         SELECT line::BIGINT AS line, regexp_replace(min(csv_line), '^[\r\n]+|[\r\n]+$', '', 'g') AS raw, arg_min(${REJECT_REASON}, coalesce(column_idx, -1)) AS reason
         FROM em_rejects GROUP BY line`,
        [],
        'ingest',
      );
      await quarantineRunaways(db, file, quotes.runaways, warnings);
      await showInvalidBytes(db, file);
    },
    async dispose() {
      for (const temp of temps.splice(0)) await rm(path.dirname(temp), { recursive: true, force: true });
    },
  };
  return reader;
}

/** Each runaway quote's line as a reject naming the lines it would have swallowed; a printed warning each. */
async function quarantineRunaways(
  db: Database,
  file: string,
  runaways: readonly RunawayQuote[],
  warnings: string[],
): Promise<void> {
  if (runaways.length === 0) return;
  const name = path.basename(file);
  const raw = await readVisibleLines(file, new Set(runaways.map((r) => r.line)));
  const reasons = runaways.map((r) => {
    const swallowed =
      r.until === null
        ? 'every line after it to the end of the file'
        : `lines ${r.line + 1}–${r.until}${r.capped ? ' and beyond' : ''}`;
    return `a quote (") opens a field here and is never closed properly, so reading on would have swallowed ${swallowed} into one field; this line was quarantined and the lines after it read as records of their own. Close the quote, or double it ("") if it is part of the value`;
  });
  await db.run(
    `INSERT INTO em_stage_rejects SELECT unnest($1::BIGINT[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[])`,
    [runaways.map((r) => BigInt(r.line)), runaways.map((r) => raw.get(r.line) ?? ''), reasons],
    'ingest',
  );
  for (const [i, r] of runaways.slice(0, 5).entries())
    warnings.push(`${name} line ${r.line}: ${reasons[i]}.`);
  if (runaways.length > 5)
    warnings.push(`${name}: … and ${runaways.length - 5} more lines with a stray quote.`);
}

/** Rejected lines with invalid UTF-8: keep their bytes visible (\xE9) instead of DuckDB's lossy copy. */
async function showInvalidBytes(db: Database, file: string): Promise<void> {
  const bad = await db.all<{ line: number }>(
    `SELECT line FROM em_stage_rejects WHERE reason LIKE 'invalid UTF-8%' ORDER BY line LIMIT 10000`,
    [],
    'ingest',
  );
  if (bad.length === 0) return;
  const lines = await readVisibleLines(file, new Set(bad.map((b) => Number(b.line))));
  await db.run(
    `UPDATE em_stage_rejects SET raw = v.raw FROM (SELECT unnest($1::BIGINT[]) AS line, unnest($2::VARCHAR[]) AS raw) v
     WHERE em_stage_rejects.line = v.line`,
    [[...lines.keys()].map(BigInt), [...lines.values()]],
    'ingest',
  );
}
