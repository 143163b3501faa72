import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmError } from '@em/core';

export interface SqlFile {
  readonly name: string;
  readonly text: string;
}

const MARKER = '001_schemas.sql';

/**
 * The repository's sql/ folder: the nearest `sql/` holding 001_schemas.sql above this module
 * (the repo root from src/ or dist/; a published package ships it beside dist/).
 */
export function findSqlDir(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'sql');
    if (existsSync(path.join(candidate, MARKER))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new EmError(
        `Cannot find the sql/ folder (with ${MARKER}) above ${from}; pass sqlDir to LocalEngine.open.`,
      );
    }
    dir = parent;
  }
}

/** Every `NNN_*.sql` file in `dir`, in name order. */
export function readSqlFiles(dir: string = findSqlDir()): SqlFile[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_.+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}
