import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@em/core';

/** How a command uses its database: read only, read and write, or create it when missing. */
export type DatabaseAccess = 'read' | 'write' | 'create';

/** A DuckDB database file carries "DUCK" at byte 8. */
const MAGIC = 'DUCK';
const MAGIC_OFFSET = 8;

function firstBytes(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(n);
    return buffer.subarray(0, readSync(fd, buffer, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** What a non-database file looks like, for the message. */
function describeContent(head: Buffer, file: string): string {
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'a Parquet file';
  if (head.subarray(0, 6).toString('latin1') === 'SQLite') return 'an SQLite database';
  const ext = path.extname(file).toLowerCase();
  if (['.csv', '.tsv', '.txt', '.jsonl', '.ndjson', '.json'].includes(ext)) return `a ${ext.slice(1)} file`;
  return head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32) ? 'a text file' : 'some other file';
}

/**
 * Check that `file` can be opened as an em database before DuckDB touches it: an existing file
 * must be a DuckDB database (magic bytes; DuckDB would otherwise overwrite or misread it), and a
 * missing one is created only with access 'create' (`em init`, `em demo`), never by a typo.
 */
export function checkDatabaseFile(file: string, access: DatabaseAccess): void {
  const shown = file;
  if (!existsSync(file)) {
    if (access === 'create') {
      if (!existsSync(path.dirname(file)))
        throw new InputError(`${shown}: the folder ${path.dirname(file)} does not exist; create it first.`);
      return;
    }
    throw new InputError(
      `${shown}: no em database there. Create one with \`em init --db ${shown}\`, or check the path (--db, $EM_DB).`,
    );
  }
  const stat = statSync(file);
  if (stat.isDirectory())
    throw new InputError(
      `${shown} is a folder; --db names the database file, e.g. ${path.join(shown, 'em.duckdb')}.`,
    );
  if (stat.size === 0) {
    if (access === 'create') return;
    throw new InputError(
      `${shown} is an empty file, not an em database; delete it and run \`em init --db ${shown}\`.`,
    );
  }
  const head = firstBytes(file, 64);
  if (head.subarray(MAGIC_OFFSET, MAGIC_OFFSET + MAGIC.length).toString('latin1') !== MAGIC) {
    throw new InputError(
      `${shown} is ${describeContent(head, file)}, not a DuckDB database, so em will not open (or overwrite) it. ` +
        '--db names the database (e.g. em.duckdb); pass data files to `em ingest reference|source FILE`.',
    );
  }
}
