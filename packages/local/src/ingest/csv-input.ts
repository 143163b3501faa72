import { rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@em/core';
import type { Database } from '../db/database.js';
import { unescapeFormulaSql } from '../sql/formula-cells-sql.js';
import { findBlankLines } from './blank-lines.js';
import { readCsvHeader } from './csv-header.js';
import { type ColumnMapping, type InputReader, lineNumberSql, stageColumns } from './input-reader.js';
import { copyWithLfLineEndings } from './normalize-line-endings.js';

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

async function scan(db: Database, file: string, count: number, delimiter: string): Promise<void> {
  const columns = Array.from({ length: count }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await db.run('DROP TABLE IF EXISTS em_rejects; DROP TABLE IF EXISTS em_reject_scans', [], 'ingest');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_raw AS
     SELECT row_number() OVER () AS k, * FROM read_csv($1, header = false, skip = 1, auto_detect = false,
       columns = {${columns}}, delim = ${delimiter === '\t' ? "'\\t'" : `'${delimiter}'`}, quote = '"', escape = '"',
       store_rejects = true, rejects_table = 'em_rejects', rejects_scan = 'em_reject_scans')`,
    [file],
    `reading ${path.basename(file)}`,
  );
}

/** A CSV file: header parsed here, rows read by DuckDB as text, malformed lines kept as rejects. */
export async function openCsv(file: string, expected: readonly string[]): Promise<InputReader> {
  const header = await readCsvHeader(file, expected);
  const warnings: string[] = [];
  let temp: string | null = null;
  return {
    format: 'csv',
    columns: header.names,
    warnings,
    async load(db: Database, canonical: readonly string[], mapping: ColumnMapping) {
      let readFrom = file;
      try {
        try {
          await scan(db, readFrom, header.names.length, header.delimiter);
        } catch (error) {
          if (!isMixedLineEndings(error)) throw error;
          temp = await copyWithLfLineEndings(file);
          readFrom = temp;
          warnings.push(
            `${path.basename(file)} mixes CRLF and LF line endings; it was read with LF line endings.`,
          );
          await scan(db, readFrom, header.names.length, header.delimiter);
        }
      } catch (error) {
        const detail = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
        throw new InputError(`${path.basename(file)} could not be read as CSV: ${detail.split('\n')[0]}`, {
          cause: error,
        });
      }
      const blanks = await findBlankLines(readFrom);
      await db.run(
        `CREATE OR REPLACE TEMP TABLE em_excluded AS
         SELECT DISTINCT line::BIGINT AS line FROM em_rejects UNION SELECT unnest($1::BIGINT[]) AS line`,
        [blanks.map(BigInt)],
        'ingest',
      );
      await db.run(
        `CREATE OR REPLACE TEMP TABLE em_stage AS
         SELECT line, ${stageColumns(canonical, mapping, (i) => unescapeFormulaSql(`c${i}`))}, NULL::VARCHAR AS type_problem
         FROM (${lineNumberSql('em_raw', 'em_excluded', 2)})`,
        [],
        'ingest',
      );
      await db.run(
        `CREATE OR REPLACE TEMP TABLE em_stage_rejects AS
         SELECT line::BIGINT AS line, regexp_replace(min(csv_line), '^[\r\n]+|[\r\n]+$', '', 'g') AS raw, arg_min(${REJECT_REASON}, coalesce(column_idx, -1)) AS reason
         FROM em_rejects GROUP BY line`,
        [],
        'ingest',
      );
      await db.run('DROP TABLE em_raw; DROP TABLE em_excluded', [], 'ingest');
    },
    async dispose() {
      if (temp) await rm(path.dirname(temp), { recursive: true, force: true });
    },
  };
}
