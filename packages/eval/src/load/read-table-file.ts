import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '@em/core';
import { readCsv } from './read-csv.js';
import { readDuckDbTable } from './read-duckdb-table.js';
import { readJsonl } from './read-jsonl.js';
import { readParquet } from './read-parquet.js';
import { type FileFormat, formatOf, type TableFile } from './table-file.js';

/** Read a table from a file whose extension names its format; only the formats in `allowed`. */
export async function readTableFile(
  file: string,
  allowed: readonly FileFormat[],
  options: { table?: string } = {},
): Promise<TableFile> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError(`${file}: no such file (looked for ${path}). Check the path.`);
  if (statSync(path).isDirectory()) throw new InputError(`${file}: is a folder; pass the file inside it.`);
  const format = formatOf(file);
  if (format === undefined || !allowed.includes(format)) {
    const names = allowed.map((f) => `.${f}`).join(', ');
    throw new InputError(
      `${file}: unknown format; name the file with one of ${names} (the extension picks the reader).`,
    );
  }
  switch (format) {
    case 'csv':
      return readCsv(path, file, ',');
    case 'tsv':
      return readCsv(path, file, '\t');
    case 'parquet':
      return readParquet(path, file);
    case 'jsonl':
      return readJsonl(path, file);
    case 'duckdb':
      return readDuckDbTable(path, file, options.table);
  }
}
