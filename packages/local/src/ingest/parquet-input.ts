import path from 'node:path';
import { InputError } from '@em/core';
import type { Database } from '../db/database.js';
import { type ColumnMapping, type InputReader, stageColumns } from './input-reader.js';
import { checkParquetColumnTypes } from './parquet-column-types.js';

const NESTED = /^(STRUCT|MAP|UNION)\b|\[\]$|\[\d+\]$/;

/** A Parquet file: DuckDB reads it; every column is cast to text; a row's "line" is its 1-based row number. */
export async function openParquet(db: Database, file: string): Promise<InputReader> {
  let described: { column_name: string; column_type: string }[];
  try {
    described = await db.all('DESCRIBE SELECT * FROM read_parquet($1)', [file], 'ingest');
  } catch (error) {
    throw new InputError(`${file} could not be read as Parquet: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  const columns = described.map((d) => d.column_name);
  const types = described.map((d) => d.column_type);
  const warnings: string[] = [];
  return {
    format: 'parquet',
    columns,
    warnings,
    async load(db: Database, canonical: readonly string[], mapping: ColumnMapping) {
      for (const [name, index] of mapping) {
        if (NESTED.test(types[index] ?? '')) {
          throw new InputError(
            `${path.basename(file)}: column ${columns[index]} (${name}) has type ${types[index]}; expected text or a number.`,
          );
        }
      }
      warnings.push(...checkParquetColumnTypes(file, mapping, columns, types));
      const aliases = columns.map((_, i) => `c${i}`).join(', ');
      await db.run(
        `CREATE OR REPLACE TEMP TABLE em_stage AS
         SELECT (file_row_number + 1)::BIGINT AS line,
                ${stageColumns(canonical, mapping, (i) => `CAST(c${i} AS VARCHAR)`)}, NULL::VARCHAR AS type_problem
         FROM read_parquet($1, file_row_number = true) AS t(${aliases})`,
        [file],
        `reading ${path.basename(file)}`,
      );
      await db.run(
        'CREATE OR REPLACE TEMP TABLE em_stage_rejects (line BIGINT, raw VARCHAR, reason VARCHAR)',
        [],
        'ingest',
      );
    },
    async dispose() {},
  };
}
