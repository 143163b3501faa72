import type { Database } from '../db/database.js';

/** Where each canonical column comes from: its position among the file's columns. */
export type ColumnMapping = ReadonlyMap<string, number>;

/**
 * One input file, opened: its column names as written, and a loader that fills the temp
 * tables `em_stage` (line BIGINT, one VARCHAR per canonical column, type_problem VARCHAR) and
 * `em_stage_rejects` (line BIGINT, raw VARCHAR, reason VARCHAR) with every record it holds.
 */
export interface InputReader {
  readonly format: 'csv' | 'parquet' | 'jsonl';
  /** Column names as the file writes them, in file order. */
  readonly columns: readonly string[];
  /** Things worth telling the user that are not row problems (e.g. line endings fixed). */
  readonly warnings: string[];
  /** Physical data lines (header excluded), for text formats; set by load. */
  lines?: number;
  load(db: Database, canonical: readonly string[], mapping: ColumnMapping): Promise<void>;
  /** Remove temporary files the reader made. */
  dispose(): Promise<void>;
}

/** `" Company Name "` → `company_name`: case, spaces and hyphens do not matter in headers. */
export const canonicalColumnName = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** `SELECT` items that put each canonical column in place, from positional names `c0, c1, …`. */
export function stageColumns(
  canonical: readonly string[],
  mapping: ColumnMapping,
  ref: (i: number) => string,
): string {
  return canonical
    .map((name) => {
      const index = mapping.get(name);
      return index === undefined ? `NULL::VARCHAR AS ${name}` : `${ref(index)} AS ${name}`;
    })
    .join(', ');
}

/**
 * SQL giving each good record (numbered `k` = 1, 2, … in file order, in `raw`) its line number,
 * when records are lines starting at `firstLine` and the lines in `excluded(line)` (rejected or
 * blank) hold no good record: the k-th line not excluded. Written as an ASOF join so it stays
 * one pass for millions of rows.
 */
export function lineNumberSql(raw: string, excluded: string, firstLine: number): string {
  return `WITH ex_ranked AS (
      SELECT line - ${firstLine} - (row_number() OVER (ORDER BY line) - 1) AS good_before,
             row_number() OVER (ORDER BY line) AS excluded_so_far
      FROM ${excluded} WHERE line >= ${firstLine}),
    ex AS (SELECT good_before, max(excluded_so_far) AS excluded_so_far FROM ex_ranked GROUP BY good_before)
    SELECT r.*, ${firstLine} + (r.k - 1) + coalesce(ex.excluded_so_far, 0) AS line
    FROM ${raw} r ASOF LEFT JOIN ex ON r.k - 1 >= ex.good_before`;
}
