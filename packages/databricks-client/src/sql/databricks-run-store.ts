import { randomUUID } from 'node:crypto';
import type { MatchSink, PendingCriteria, RunOutcome, RunStore, VersionedSource } from '@em/core';
import {
  pendingCountSql,
  pendingPageSql,
  pendingParams,
  runFailAbandonedSql,
  runFinishParams,
  runFinishSql,
  runStartSql,
} from '@em/sql';
import { DatabricksMatchSink } from './databricks-match-sink.js';
import type { SqlClient } from './sql-client.js';

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * The Databricks engine's RunStore: @em/sql's run-log, pending and gold statements on Unity
 * Catalog. It does not resume an unfinished --full pass on its own (findUnfinishedFullRun is left
 * out): a Jobs run that fails is retried by the job's retry policy, and `--full` again redoes it.
 */
export class DatabricksRunStore implements RunStore {
  constructor(private readonly sql: SqlClient) {}

  async startRun(config: unknown): Promise<{ runId: string; abandonedRuns: number }> {
    const runId = randomUUID();
    const { target } = this.sql;
    await this.sql.run(
      runStartSql(target),
      { run_id: runId, kind: 'match', watermark: null, config: JSON.stringify(config) },
      'starting the run log',
    );
    const [row] = await this.sql.all<{ num_affected_rows?: unknown }>(
      runFailAbandonedSql(target),
      { run_id: runId },
      'updating the run log',
    );
    return { runId, abandonedRuns: Number(row?.num_affected_rows ?? 0) };
  }

  async countPending(criteria: PendingCriteria): Promise<{ pending: number; total: number }> {
    const [row] = await this.sql.all<{ pending: unknown; total: unknown }>(
      pendingCountSql(this.sql.target),
      pendingParams(criteria),
      'counting sources to match',
    );
    return { pending: Number(row?.pending ?? 0), total: Number(row?.total ?? 0) };
  }

  async readPendingPage(page: Parameters<RunStore['readPendingPage']>[0]): Promise<VersionedSource[]> {
    const rows = await this.sql.all<Record<string, unknown>>(
      pendingPageSql(this.sql.target, page.pageSize),
      {
        ...pendingParams(page.criteria),
        after_system: page.after?.sourceSystem ?? '',
        after_id: page.after?.sourceId ?? '',
      },
      'reading sources to match',
    );
    return rows.map((r) => ({
      source_id: String(r.source_id),
      source_system: String(r.source_system),
      company_name: String(r.company_name),
      ticker: text(r.ticker),
      lei: text(r.lei),
      cusip: text(r.cusip),
      isin: text(r.isin),
      country: text(r.country),
      industry: text(r.industry),
      version: String(r.version),
    }));
  }

  sink(run: Parameters<RunStore['sink']>[0]): MatchSink {
    return new DatabricksMatchSink(this.sql, run);
  }

  async finishRun(runId: string, outcome: RunOutcome): Promise<void> {
    await this.sql.run(
      runFinishSql(this.sql.target),
      runFinishParams(runId, outcome),
      'finishing the run log',
    );
  }
}
