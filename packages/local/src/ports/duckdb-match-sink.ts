import { type MatchResult, type MatchSink, type PortCapabilities, sourceKey } from '@em/core';
import type { Database } from '../db/database.js';
import { jsonColumn } from '../db/sql-params.js';
import { runLog } from '../runs/run-log.js';

export interface DuckDbMatchSinkOptions {
  /** Written to gold.run_id; each upsert also adds its row count to this run's rows_processed, in the same transaction. */
  readonly runId?: string | null;
  /** The auto-match threshold the results were decided with (gold.auto_match_threshold). */
  readonly autoMatchThreshold: number;
  /** The content hash of the source version each result decided, by `sourceKey`. */
  readonly contentHashes?: ReadonlyMap<string, string>;
  /** Called after each committed upsert with its size. */
  readonly onCommitted?: (rows: number) => void;
}

const int = (v: number): number => Math.round(v);

/** Gold columns and how each is taken from a MatchResult. */
const COLUMNS: readonly [string, string, (r: MatchResult, o: DuckDbMatchSinkOptions) => unknown][] = [
  ['source_id', 'VARCHAR', (r) => r.source_id],
  ['source_system', 'VARCHAR', (r) => r.source_system],
  ['company_name', 'VARCHAR', (r) => r.company_name],
  ['matched_ciq_id', 'VARCHAR', (r) => r.matched_ciq_id],
  ['match_confidence', 'DOUBLE', (r) => r.match_confidence],
  ['match_method', 'VARCHAR', (r) => r.match_method],
  ['match_stage', 'VARCHAR', (r) => r.match_stage],
  ['reasoning', 'VARCHAR', (r) => r.reasoning],
  ['matched_company_name', 'VARCHAR', (r) => r.matched_company_name],
  ['match_timestamp', 'TIMESTAMPTZ', (r) => r.match_timestamp],
  ['processing_time_ms', 'BIGINT', (r) => int(r.processing_time_ms)],
  ['model_version', 'VARCHAR', (r) => r.model_version],
  ['auto_match_threshold', 'DOUBLE', (_, o) => o.autoMatchThreshold],
  ['candidates', 'VARCHAR', (r) => JSON.stringify(r.candidates)],
  ['reference_lookups', 'BIGINT', (r) => int(r.usage.reference_lookups)],
  ['retrieval_queries', 'BIGINT', (r) => int(r.usage.retrieval_queries)],
  ['pairs_scored', 'BIGINT', (r) => int(r.usage.pairs_scored)],
  ['llm_calls', 'BIGINT', (r) => int(r.usage.llm_calls)],
  ['llm_prompt_tokens', 'BIGINT', (r) => int(r.usage.llm_prompt_tokens)],
  ['llm_completion_tokens', 'BIGINT', (r) => int(r.usage.llm_completion_tokens)],
  ['compute_ms', 'DOUBLE', (r) => r.usage.compute_ms],
  ['cost_usd', 'DOUBLE', (r) => r.cost_usd],
  ['run_id', 'VARCHAR', (_, o) => o.runId ?? null],
  ['content_hash', 'VARCHAR', (r, o) => o.contentHashes?.get(sourceKey(r)) ?? null],
];

const SOURCE = COLUMNS.map(([c, t], i) =>
  t === 'TIMESTAMPTZ'
    ? `unnest(from_json($${i + 1}, '["VARCHAR"]'))::TIMESTAMPTZ AS ${c}`
    : `unnest(from_json($${i + 1}, '["${t}"]')) AS ${c}`,
).join(',\n    ');
const NON_KEY = COLUMNS.map(([c]) => c).filter((c) => c !== 'source_id' && c !== 'source_system');

/**
 * MERGE into gold.matched_entities keyed on (source_id, source_system). Writing the same
 * results twice leaves the table as it was; a row a human decided (match_method =
 * 'human_review') is never overwritten. Each upsert commits atomically with the run log.
 */
const MERGE_SQL = `MERGE INTO gold.matched_entities AS t
  USING (SELECT
    ${SOURCE}) AS s
  ON t.source_id = s.source_id AND t.source_system = s.source_system
  WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET ${NON_KEY.map((c) => `${c} = s.${c}`).join(', ')}
  WHEN NOT MATCHED THEN INSERT (${COLUMNS.map(([c]) => c).join(', ')}) VALUES (${COLUMNS.map(([c]) => `s.${c}`).join(', ')})`;

export class DuckDbMatchSink implements MatchSink {
  readonly capabilities: PortCapabilities = { maxBatchSize: 10_000, maxParallelCalls: 1 };

  constructor(
    private readonly db: Database,
    private readonly options: DuckDbMatchSinkOptions,
  ) {}

  async upsert(results: readonly MatchResult[]): Promise<void> {
    if (results.length === 0) return;
    const params = COLUMNS.map(([, , take]) => jsonColumn(results.map((r) => take(r, this.options))));
    await this.db.transaction(async () => {
      await this.db.run(MERGE_SQL, params, 'writing gold');
      if (this.options.runId) await runLog.addProcessed(this.db, this.options.runId, results.length);
    });
    this.options.onCommitted?.(results.length);
  }
}
