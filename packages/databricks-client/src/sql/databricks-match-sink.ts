import { type MatchResult, type MatchSink, type PortCapabilities, sourceKey } from '@em/core';
import { type JsonColumns, jsonRowsParam, jsonRowsSource } from './json-rows.js';
import type { SqlClient } from './sql-client.js';

export interface DatabricksMatchSinkOptions {
  /** Written to gold.run_id. */
  readonly runId?: string | null;
  /** The threshold the results were decided with (gold.auto_match_threshold drives needs_review). */
  readonly autoMatchThreshold: number;
  /** Content hash of the source version each result decided, by `sourceKey`. */
  readonly contentHashes?: ReadonlyMap<string, string>;
  readonly capabilities?: Partial<PortCapabilities>;
  /** Called after each committed MERGE with its row count. */
  readonly onCommitted?: (rows: number) => void;
}

/** gold.matched_entities columns as sent (needs_review and auto_matched are generated from these). */
const GOLD_COLUMNS: JsonColumns = [
  ['source_id', 'STRING'],
  ['source_system', 'STRING'],
  ['company_name', 'STRING'],
  ['matched_ciq_id', 'STRING'],
  ['match_confidence', 'DOUBLE'],
  ['match_method', 'STRING'],
  ['match_stage', 'STRING'],
  ['reasoning', 'STRING'],
  ['matched_company_name', 'STRING'],
  ['match_timestamp', 'STRING'],
  ['processing_time_ms', 'BIGINT'],
  ['model_version', 'STRING'],
  ['auto_match_threshold', 'DOUBLE'],
  ['candidates', 'STRING'],
  ['reference_lookups', 'BIGINT'],
  ['retrieval_queries', 'BIGINT'],
  ['pairs_scored', 'BIGINT'],
  ['llm_calls', 'BIGINT'],
  ['llm_prompt_tokens', 'BIGINT'],
  ['llm_completion_tokens', 'BIGINT'],
  ['compute_ms', 'DOUBLE'],
  ['cost_usd', 'DOUBLE'],
  ['run_id', 'STRING'],
  ['content_hash', 'STRING'],
];

const KEY = new Set(['source_id', 'source_system']);
const NAMES = GOLD_COLUMNS.map(([c]) => c);
const value = (c: string): string =>
  c === 'match_timestamp' ? 'CAST(s.match_timestamp AS TIMESTAMP)' : `s.${c}`;

/**
 * MERGE keyed on (source_id, source_system); a row a human decided (match_method =
 * 'human_review') is never overwritten. The batch is one bound JSON parameter.
 */
export function goldMergeSql(sql: SqlClient): string {
  return `/* em:gold-merge */
MERGE INTO ${sql.table('gold.matched_entities')} AS t
USING (${jsonRowsSource('rows', GOLD_COLUMNS)}) AS s
ON t.source_id = s.source_id AND t.source_system = s.source_system
WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET ${NAMES.filter((c) => !KEY.has(c))
    .map((c) => `${c} = ${value(c)}`)
    .join(', ')}
WHEN NOT MATCHED THEN INSERT (${NAMES.join(', ')}) VALUES (${NAMES.map(value).join(', ')})`;
}

/** One gold row as sent, from a cascade result. */
export function goldRow(result: MatchResult, options: DatabricksMatchSinkOptions): Record<string, unknown> {
  return {
    ...result,
    candidates: JSON.stringify(result.candidates),
    ...result.usage,
    auto_match_threshold: options.autoMatchThreshold,
    run_id: options.runId ?? null,
    content_hash: options.contentHashes?.get(sourceKey(result)) ?? null,
  };
}

/** Where cascade results land on Unity Catalog: `MERGE INTO gold.matched_entities`. Writing a batch twice changes nothing. */
export class DatabricksMatchSink implements MatchSink {
  readonly capabilities: PortCapabilities;
  private readonly statement: string;

  constructor(
    private readonly sql: SqlClient,
    private readonly options: DatabricksMatchSinkOptions,
  ) {
    this.capabilities = { maxBatchSize: 1_000, maxParallelCalls: 1, ...options.capabilities };
    this.statement = goldMergeSql(sql);
  }

  async upsert(results: readonly MatchResult[]): Promise<void> {
    if (results.length === 0) return;
    // Delta rejects a MERGE whose source holds one key twice: keep the last result per key.
    const byKey = new Map(results.map((r) => [sourceKey(r), r]));
    const rows = [...byKey.values()].map((r) => goldRow(r, this.options));
    await this.sql.run(this.statement, { rows: jsonRowsParam(GOLD_COLUMNS, rows) }, 'writing gold');
    this.options.onCommitted?.(rows.length);
  }
}
