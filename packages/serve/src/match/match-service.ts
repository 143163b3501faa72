import {
  type CascadeConfig,
  type MatchResult,
  type ReferenceEntity,
  runCascade,
  type SourceEntity,
} from '@em/core';
import {
  type LocalBackends,
  loadLocalBackends,
  MemoryReferenceLookup,
  type ReferenceStore,
  readReferenceStore,
} from '@em/local';
import type { DuckDbConsoleStore } from '../store/duckdb-store.js';
import type { PairModel } from './explain-case.js';

/** How often a request checks whether the reference changed (a cheap count + max timestamp). */
const STALE_CHECK_MS = 30_000;

interface Loaded {
  readonly backends: LocalBackends;
  readonly lookup: MemoryReferenceLookup;
  /** Columnar: a row becomes an object only when a request needs it. */
  readonly reference: ReferenceStore;
  /** ciq_id → row position. */
  readonly byId: ReadonlyMap<string, number>;
  readonly stamp: string;
}

/**
 * The cascade for the match API, held in memory: the reference's identifiers, the retrieval
 * index and the trained pair model beside the database (LLM off), so a request touches no
 * database. Reloaded when the reference changes. Matching writes nothing.
 */
export class MatchService {
  private loaded: Loaded | null = null;
  private checkedAt = 0;
  private loading: Promise<Loaded> | null = null;

  constructor(
    private readonly store: DuckDbConsoleStore,
    private readonly config: CascadeConfig,
  ) {}

  /** The pair model in use (null until loaded or when none is trained). */
  get model(): PairModel | null {
    const scorer = this.loaded?.backends.scorer;
    return scorer ? { artifact: scorer.artifact, modelVersion: scorer.modelVersion } : null;
  }

  /** A reference row by ciq_id, from the loaded reference. */
  reference(ciqId: string): ReferenceEntity | undefined {
    const loaded = this.loaded;
    const d = loaded?.byId.get(ciqId);
    return loaded && d !== undefined ? loaded.reference.row(d) : undefined;
  }

  get referenceRows(): number {
    return this.loaded?.reference.length ?? 0;
  }

  /**
   * The loaded cascade. The first call loads it; later calls return it at once and, every
   * STALE_CHECK_MS, check in the background whether the reference changed (then reload), so no
   * request waits on that check.
   */
  async ready(): Promise<Loaded> {
    if (!this.loaded) return this.refreshOnce();
    if (Date.now() - this.checkedAt >= STALE_CHECK_MS) void this.refreshOnce().catch(() => undefined);
    return this.loaded;
  }

  private refreshOnce(): Promise<Loaded> {
    this.checkedAt = Date.now();
    this.loading ??= this.refresh().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  async match(records: readonly SourceEntity[]): Promise<MatchResult[]> {
    const { backends, lookup } = await this.ready();
    return runCascade(
      records,
      { lookup, retriever: backends.retriever, scorer: backends.scorer },
      { ...this.config, llm: { ...this.config.llm, enabled: false } },
      { engineVersion: 'em-serve@0.1.0' },
    );
  }

  async close(): Promise<void> {
    await this.loaded?.backends.close();
    this.loaded = null;
  }

  private async refresh(): Promise<Loaded> {
    const stamp = await this.store.read(async (engine) => {
      const [row] = await engine.query<{ n: number; at: string | null }>(
        'SELECT count(*) AS n, CAST(max(ingestion_timestamp) AS VARCHAR) AS at FROM bronze.reference_entities',
      );
      return `${row?.n}:${row?.at}`;
    });
    this.checkedAt = Date.now();
    if (this.loaded && this.loaded.stamp === stamp) return this.loaded;
    const reference = await this.store.read((engine) =>
      readReferenceStore((sql, params) => engine.query(sql, params)),
    );
    // The index beside the database is reused when current; a stale one is rebuilt and saved, as em run does.
    const backends = loadLocalBackends(this.store.dbPath, reference, { workers: 0 });
    await this.loaded?.backends.close();
    this.loaded = {
      backends,
      lookup: new MemoryReferenceLookup(reference),
      reference,
      byId: positionsById(reference),
      stamp,
    };
    return this.loaded;
  }
}

function positionsById(reference: ReferenceStore): Map<string, number> {
  const byId = new Map<string, number>();
  for (let d = 0; d < reference.length; d++) byId.set(reference.field('ciq_id', d)!, d);
  return byId;
}
