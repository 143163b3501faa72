import { open } from 'node:fs/promises';
import { InputError } from '@em/core';
import { unescapeFormulaCell } from '@em/core/text';
import { sqlIdent, sqlString, withDuckDb } from './duckdb-session.js';
import type { TableFile } from './table-file.js';

/** Split one header line into names (double quotes, "" as an escaped quote). */
export function parseHeader(line: string, delimiter: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      names.push(current.trim());
      current = '';
    } else current += ch;
  }
  names.push(current.trim());
  return names;
}

async function readHeaderLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** DuckDB's "CSV Error on Line: N" with its reason and the offending line, as one sentence. */
function describeCsvError(file: string, columnCount: number, error: unknown): InputError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const original = /Original Line: (.*)/.exec(message)?.[1];
  const reason = message
    .split('\n')
    .find((l) => /Expected Number of Columns|unterminated quote|Invalid unicode/i.test(l));
  if (!line)
    return new InputError(
      `${file}: could not read it as CSV (${message.split('\n')[0]}). Check the file is UTF-8 CSV with a header line.`,
      { cause: error },
    );
  return new InputError(
    `${file} line ${line}: ${reason?.trim() ?? 'malformed CSV'}${original ? ` in ${JSON.stringify(original)}` : ''}. ` +
      `Every line needs the header's ${columnCount} fields; quote values that contain the delimiter, quotes or line breaks.`,
    { cause: error },
  );
}

/** Read a CSV/TSV file as text columns (ids keep their leading zeros), with exact line numbers. */
export async function readCsv(path: string, file: string, delimiter: ',' | '\t'): Promise<TableFile> {
  const header = await readHeaderLine(path);
  if (header.trim() === '') {
    throw new InputError(
      `${file} line 1: the file is empty or has no header line; the first line must name the columns.`,
    );
  }
  const columns = parseHeader(header, delimiter);
  const columnSql = columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
  const rows = await withDuckDb(async (query) => {
    try {
      const sql = `SELECT ${columns.map(sqlIdent).join(', ')} FROM read_csv(${sqlString(path)}, auto_detect=false, header=true, delim=${sqlString(delimiter)}, quote='"', escape='"', strict_mode=true, null_padding=false, columns={${columnSql}})`;
      return (await query(sql)).rows;
    } catch (error) {
      throw describeCsvError(file, columns.length, error);
    }
  });
  // Line of each row: the header is line 1; a quoted value with line breaks spans several lines.
  const lines: number[] = [];
  let next = 2;
  for (const row of rows) {
    lines.push(next);
    next += 1;
    for (const value of Object.values(row))
      if (typeof value === 'string') next += value.split('\n').length - 1;
  }
  // em writes formula-like cells with a leading ' (CSV injection guard); read the value back.
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (typeof value === 'string') row[key] = unescapeFormulaCell(value);
  return { file, columns, rows, locate: (i) => `line ${lines[i] ?? i + 2}` };
}
