import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError } from '@em/core';
import type { TableFile } from './table-file.js';

/**
 * Read JSON Lines: one object per line, blank lines skipped. Parsed line by line (not by
 * DuckDB's reader, which skips blank lines without saying so) to name the exact line of a problem.
 */
export async function readJsonl(path: string, file: string): Promise<TableFile> {
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const columns = new Set<string>();
  let lineNumber = 0;
  const reader = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const raw of reader) {
    lineNumber += 1;
    const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(
        `${file} line ${lineNumber}: not valid JSON (${reason}). Each line must hold one JSON object.`,
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(
        `${file} line ${lineNumber}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}. Each line must hold one object such as {"source_id": "1", …}.`,
      );
    }
    for (const key of Object.keys(value)) columns.add(key);
    rows.push(value as Record<string, unknown>);
    lines.push(lineNumber);
  }
  return { file, columns: [...columns], rows, locate: (i) => `line ${lines[i]}` };
}
