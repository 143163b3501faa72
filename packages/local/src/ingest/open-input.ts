import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@em/core';
import type { Database } from '../db/database.js';
import { openCsv } from './csv-input.js';
import type { InputReader } from './input-reader.js';
import { openJsonl } from './jsonl-input.js';
import { openParquet } from './parquet-input.js';

const FORMATS: Record<string, 'csv' | 'parquet' | 'jsonl'> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.parquet': 'parquet',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Open an input file by its extension (.csv/.tsv, .parquet, .jsonl/.ndjson). */
export async function openInput(
  db: Database,
  file: string,
  expected: readonly string[],
): Promise<InputReader> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError(`${file}: no such file.`);
  }
  if (/[*?[\]{}]/.test(file)) {
    throw new InputError(
      `${file}: file names with * ? [ ] { } are read as patterns by DuckDB; rename the file.`,
    );
  }
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (format === 'csv') return openCsv(file, expected);
  if (format === 'parquet') return openParquet(db, file);
  if (format === 'jsonl') return openJsonl(db, file);
  throw new InputError(
    `${file}: unknown file type ${JSON.stringify(path.extname(file))}; use .csv, .parquet or .jsonl (one JSON object per line).`,
  );
}
