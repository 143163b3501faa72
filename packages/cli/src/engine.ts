import type { Env, MatchingEngine } from '@em/core/engine';
import type { LocalEngine, LocalEngineShapes } from '@em/local';

/**
 * The engine port as the CLI drives it, whichever engine `--engine` picked. Its report shapes
 * are the embedded engine's; Databricks declares what it cannot do as `never` and throws a typed
 * error naming what to use instead. Commands depend on this port, not on how an engine is built.
 */
export type Engine = MatchingEngine<LocalEngineShapes>;

/** The embedded engine's extras, for the commands only it serves (em label, em review walk, em demo). */
export type EmbeddedEngine = Engine & Pick<LocalEngine, 'query' | 'readGoldLabels' | 'reviewDecisionLabels'>;

export type IngestReport = Awaited<ReturnType<Engine['ingest']>>;
export type RunReport = Awaited<ReturnType<Engine['run']>>;
export type StatsReport = Awaited<ReturnType<Engine['stats']>>;
export type ReviewItem = Awaited<ReturnType<Engine['reviewQueue']>>[number];
export type ReviewCase = Awaited<ReturnType<Engine['reviewCase']>>;
export type RunOptions = NonNullable<Parameters<Engine['run']>[0]>;

export const ENGINES = ['local', 'databricks'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface OpenEngineOptions {
  /** read: read-only (shared with other readers); write: must exist; create: `em init` / `em demo`. */
  readonly access?: 'read' | 'write' | 'create';
  /** Keep retrying this long while another process holds the database. */
  readonly waitMs?: number;
  /** This command line, recorded beside the database while it writes (named to blocked processes). */
  readonly command?: string;
}

/** Opens the embedded engine on a database file. */
export type OpenEngine = (dbPath: string, options?: OpenEngineOptions) => Promise<EmbeddedEngine>;
/** Opens the Databricks engine from the settings in `env` (the CLI's io.env). */
export type OpenDatabricksEngine = (env: Env) => Promise<Engine>;

/** Opens @em/local lazily: `em --help` and usage errors never load DuckDB. */
export const openLocalEngine: OpenEngine = async (dbPath, options = {}) => {
  const { LocalEngine } = await import('@em/local');
  return LocalEngine.open({ dbPath, ...options });
};

/** Opens @em/databricks-client lazily; nothing is sent until an operation runs. */
export const openDatabricksEngine: OpenDatabricksEngine = async (env) => {
  const { DatabricksEngine } = await import('@em/databricks-client');
  return DatabricksEngine.open({ env });
};

/** Open, use, always close. */
export async function withEngine<E extends Engine, T>(
  open: (dbPath: string) => Promise<E>,
  dbPath: string,
  use: (engine: E) => Promise<T>,
): Promise<T> {
  const engine = await open(dbPath);
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}
