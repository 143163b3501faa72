import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SourceEntity } from '@em/core';
import { LocalEngine } from '@em/local';
import type { ConsoleStore, GoldRecord, QueueFacets, QueueFilter, StoredSources } from './console-store.js';
import { SerialQueue } from './serial-queue.js';

/**
 * The console over an em DuckDB file. Every call opens the file, does its work and closes it,
 * so no lock is held between requests and `em run` can write beside the server: reads open it
 * read-only, writes read-write, one at a time. While another process holds the lock, a call
 * waits up to `lockWaitMs`, then fails with an InputError saying so (the page shows it and
 * retries).
 */
export class DuckDbConsoleStore implements ConsoleStore {
  readonly kind = 'duckdb' as const;
  private readonly serial: SerialQueue;

  constructor(
    readonly dbPath: string,
    private readonly lockWaitMs = 3_000,
    /** Set inside a session: every call uses this open engine. */
    private readonly bound: { engine: LocalEngine; write: boolean } | null = null,
    serial?: SerialQueue,
  ) {
    this.serial = serial ?? new SerialQueue();
  }

  get label(): string {
    return this.dbPath;
  }

  /** Check the file has em's tables and bring the audit columns up to date (one short write). */
  async prepare(): Promise<void> {
    await this.write(async () => undefined);
  }

  read<T>(work: (engine: LocalEngine) => Promise<T>): Promise<T> {
    return this.open(true, work);
  }

  write<T>(work: (engine: LocalEngine) => Promise<T>): Promise<T> {
    return this.open(false, work);
  }

  session<T>(work: (store: DuckDbConsoleStore) => Promise<T>, options: { write?: boolean } = {}): Promise<T> {
    if (this.bound) return work(this);
    const write = options.write ?? false;
    return this.open(!write, (engine) =>
      work(new DuckDbConsoleStore(this.dbPath, this.lockWaitMs, { engine, write }, this.serial)),
    );
  }

  private open<T>(readOnly: boolean, work: (engine: LocalEngine) => Promise<T>): Promise<T> {
    if (this.bound) {
      if (!readOnly && !this.bound.write)
        throw new Error('internal: a write inside a read-only console session');
      return work(this.bound.engine);
    }
    return this.serial.run(async () => {
      const engine = await LocalEngine.open({
        dbPath: this.dbPath,
        access: readOnly ? 'read' : 'write',
        waitMs: this.lockWaitMs,
        command: 'em serve',
      });
      try {
        return await work(engine);
      } finally {
        await engine.close();
      }
    });
  }

  queue(filter: QueueFilter) {
    return this.read(async (engine) => {
      const items = await engine.reviewQueue({
        limit: filter.limit,
        ...(filter.system ? { system: filter.system } : {}),
        ...(filter.method ? { method: filter.method } : {}),
        ...(filter.minConfidence === undefined ? {} : { minConfidence: filter.minConfidence }),
        ...(filter.maxConfidence === undefined ? {} : { maxConfidence: filter.maxConfidence }),
      });
      return filter.stage ? items.filter((i) => i.match_stage === filter.stage) : items;
    });
  }

  facets(): Promise<QueueFacets> {
    return this.read(async (engine) => {
      const rows = await engine.query<{ kind: string; value: string }>(
        `SELECT DISTINCT 'system' AS kind, source_system AS value FROM gold.review_queue
         UNION SELECT DISTINCT 'stage', match_stage FROM gold.review_queue WHERE match_stage IS NOT NULL
         UNION SELECT DISTINCT 'method', match_method FROM gold.review_queue
         ORDER BY kind, value`,
      );
      const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value);
      return { systems: of('system'), stages: of('stage'), methods: of('method') };
    });
  }

  reviewCase(key: { source_id: string; source_system: string }) {
    return this.read((engine) => engine.reviewCase(key));
  }

  decide(decision: Parameters<ConsoleStore['decide']>[0]) {
    return this.write((engine) => engine.decide(decision));
  }

  undo(request: Parameters<ConsoleStore['undo']>[0]) {
    return this.write((engine) => engine.undo(request));
  }

  searchReference(query: string, limit: number) {
    return this.read((engine) => engine.searchReference(query, limit));
  }

  audit(limit: number) {
    return this.read(async (engine) => (await engine.reviewDecisions()).reverse().slice(0, limit));
  }

  monitoring() {
    return this.read((engine) => engine.monitoring());
  }

  /**
   * `em ingest source` + `em run` for records sent to the API: they go through the same ingest
   * (validation, quarantine, content hashes) and an incremental run (the index and model beside
   * the database), so gold holds them exactly as if they had come in a file.
   */
  storeSources(records: readonly SourceEntity[]): Promise<StoredSources> {
    return this.write(async (engine) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'em-serve-ingest-'));
      try {
        const file = path.join(dir, 'api-records.jsonl');
        writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
        const ingest = await engine.ingest('source', file);
        const run = await engine.run();
        return {
          ingest_run_id: ingest.runId,
          loaded: ingest.loaded,
          quarantined: ingest.quarantined,
          match_run_id: run.runId,
          processed: run.processed,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  gold(key: { source_id: string; source_system: string }) {
    return this.read(async (engine) => {
      const [row] = await engine.query<GoldRecord>(
        `SELECT * FROM gold.matched_entities WHERE source_id = $1 AND source_system = $2`,
        [key.source_id, key.source_system],
      );
      return row ?? null;
    });
  }
}
