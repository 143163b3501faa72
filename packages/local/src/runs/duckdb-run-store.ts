import { randomUUID } from 'node:crypto';
import type {
  MatchSink,
  PendingCriteria,
  RunOutcome,
  RunStore,
  UnfinishedFullRun,
  VersionedSource,
} from '@em/core';
import {
  afterCursorSql,
  pendingCountSql,
  pendingParams,
  pendingSourcesSql,
  runFailAbandonedSql,
  runFinishParams,
  runFinishSql,
  runStartSql,
} from '@em/sql';
import type { Database } from '../db/database.js';
import { DuckDbMatchSink } from '../ports/duckdb-match-sink.js';
import { findUnfinishedFullRun } from './unfinished-full-run.js';

const TARGET = { dialect: 'duckdb' } as const;

/**
 * The embedded engine's RunStore. The pending set is snapshotted once per run into a temp
 * table in key order (so each keyset page reads only its own row groups, not the whole join);
 * every gold batch commits together with the run log's progress.
 */
export class DuckDbRunStore implements RunStore {
  constructor(private readonly db: Database) {}

  findUnfinishedFullRun(): Promise<UnfinishedFullRun | null> {
    return findUnfinishedFullRun(this.db);
  }

  async startRun(config: unknown): Promise<{ runId: string; abandonedRuns: number }> {
    const runId = randomUUID();
    const { watermark } = await this.db.one<{ watermark: string | null }>(
      'SELECT max(ingestion_timestamp) AS watermark FROM bronze.source_entities',
    );
    await this.db.run(
      runStartSql(TARGET),
      { run_id: runId, kind: 'match', watermark, config: JSON.stringify(config) },
      'run log',
    );
    const abandoned = await this.db.all(runFailAbandonedSql(TARGET), { run_id: runId }, 'run log');
    return { runId, abandonedRuns: abandoned.length };
  }

  async countPending(criteria: PendingCriteria): Promise<{ pending: number; total: number }> {
    const params = pendingParams(criteria);
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE em_pending AS ${pendingSourcesSql(TARGET)}`,
      params,
      'selecting sources',
    );
    const { total } = await this.db.one<{ total: number }>(
      pendingCountSql(TARGET),
      params,
      'selecting sources',
    );
    const { pending } = await this.db.one<{ pending: number }>(
      'SELECT count(*) AS pending FROM em_pending',
      [],
      'selecting sources',
    );
    return { pending, total };
  }

  /** Whether a run with these criteria has any source to decide: one count, nothing snapshotted. */
  async anyPending(criteria: PendingCriteria): Promise<boolean> {
    const { pending } = await this.db.one<{ pending: number }>(
      pendingCountSql(TARGET),
      pendingParams(criteria),
      'selecting sources',
    );
    return pending > 0;
  }

  readPendingPage(page: Parameters<RunStore['readPendingPage']>[0]): Promise<VersionedSource[]> {
    return this.db.all<VersionedSource>(
      `SELECT * FROM em_pending p WHERE ${afterCursorSql(TARGET, 'p')}
       ORDER BY source_system, source_id LIMIT ${Math.max(1, Math.floor(page.pageSize))}`,
      { after_system: page.after?.sourceSystem ?? '', after_id: page.after?.sourceId ?? '' },
      'reading sources',
    );
  }

  sink(run: Parameters<RunStore['sink']>[0]): MatchSink {
    return new DuckDbMatchSink(this.db, run);
  }

  async finishRun(runId: string, outcome: RunOutcome): Promise<void> {
    await this.db.run(runFinishSql(TARGET), runFinishParams(runId, outcome), 'run log');
  }
}
