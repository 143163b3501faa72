import type { MatchResult } from '@em/core';
import { writableColumns } from '../ddl/table-columns.js';
import {
  asTimestamp,
  type RowColumns,
  rowColumnType,
  rowsSource,
  type SqlTarget,
  tableName,
} from './sql-target.js';

const GOLD_TABLE = 'gold.matched_entities';
const KEY = new Set(['source_id', 'source_system']);
const DDL = writableColumns(GOLD_TABLE);

/** The gold columns a writer sends, read from sql/030_gold_matched_entities.sql: the one list. */
export const GOLD_COLUMNS: RowColumns = DDL.map((c) => [c.name, rowColumnType(c.type)] as const);
const TIMESTAMPS = new Set(DDL.filter((c) => c.type === 'TIMESTAMP').map((c) => c.name));

/** What a gold row records besides the cascade's result. */
export interface GoldRowContext {
  /** The run that wrote the row (gold.run_id). */
  readonly runId: string | null;
  /** The threshold the result was decided with (needs_review is generated from it). */
  readonly autoMatchThreshold: number;
}

/** One gold row, every column of GOLD_COLUMNS, from a cascade result. */
export function goldRow(result: MatchResult, context: GoldRowContext): Record<string, unknown> {
  return {
    ...result,
    ...result.usage,
    candidates: JSON.stringify(result.candidates),
    auto_match_threshold: context.autoMatchThreshold,
    run_id: context.runId,
    content_hash: result.source_version ?? null,
  };
}

/**
 * MERGE a batch (one bound JSON parameter `rows`) into gold keyed on (source_id,
 * source_system). Writing the same batch twice leaves the table as it was; a row a human
 * decided (match_method = 'human_review') is never overwritten.
 */
export function goldMergeSql(target: SqlTarget): string {
  const names = GOLD_COLUMNS.map(([c]) => c);
  const value = (c: string) => (TIMESTAMPS.has(c) ? asTimestamp(target, `s.${c}`) : `s.${c}`);
  return `/* em:gold-merge */
MERGE INTO ${tableName(target, GOLD_TABLE)} AS t
USING (${rowsSource(target, 'rows', GOLD_COLUMNS)}) AS s
ON t.source_id = s.source_id AND t.source_system = s.source_system
WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET ${names
    .filter((c) => !KEY.has(c))
    .map((c) => `${c} = ${value(c)}`)
    .join(', ')}
WHEN NOT MATCHED THEN INSERT (${names.join(', ')}) VALUES (${names.map(value).join(', ')})`;
}
