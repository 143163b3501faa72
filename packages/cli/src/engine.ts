import type { LocalEngine } from '@em/local';

/**
 * The part of the embedded engine the CLI drives. Commands depend on this subset
 * (not on how the engine is built), so tests can hand them another implementation.
 */
export type Engine = Pick<
  LocalEngine,
  | 'init'
  | 'migrate'
  | 'ingest'
  | 'run'
  | 'exportGold'
  | 'reviewQueue'
  | 'decide'
  | 'reviewCase'
  | 'reviewDecisions'
  | 'exportReviewQueue'
  | 'importReviewDecisions'
  | 'reviewDecisionLabels'
  | 'stats'
  | 'monitoring'
  | 'query'
  | 'close'
>;
export type IngestReport = Awaited<ReturnType<Engine['ingest']>>;
export type RunReport = Awaited<ReturnType<Engine['run']>>;
export type StatsReport = Awaited<ReturnType<Engine['stats']>>;
export type ReviewItem = Awaited<ReturnType<Engine['reviewQueue']>>[number];
export type ReviewCase = Awaited<ReturnType<Engine['reviewCase']>>;
export type RunOptions = NonNullable<Parameters<Engine['run']>[0]>;

export interface OpenEngineOptions {
  /** read: read-only (shared with other readers); write: must exist; create: `em init` / `em demo`. */
  readonly access?: 'read' | 'write' | 'create';
  /** Keep retrying this long while another process holds the database. */
  readonly waitMs?: number;
  /** This command line, recorded beside the database while it writes (named to blocked processes). */
  readonly command?: string;
}

export type OpenEngine = (dbPath: string, options?: OpenEngineOptions) => Promise<Engine>;

/** Opens @em/local lazily: `em --help` and usage errors never load DuckDB. */
export const openLocalEngine: OpenEngine = async (dbPath, options = {}) => {
  const { LocalEngine } = await import('@em/local');
  return LocalEngine.open({ dbPath, ...options });
};

/** Open, use, always close. */
export async function withEngine<T>(
  open: OpenEngine,
  dbPath: string,
  use: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = await open(dbPath);
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}
