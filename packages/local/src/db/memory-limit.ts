import type { Database } from './database.js';

/**
 * Run `work` with DuckDB's buffer memory capped at `limit` (e.g. '512MB'): what does not fit
 * spills to the temp directory beside the database instead of growing the process. The setting
 * in force before (the default, or the user's) is restored afterwards.
 */
export async function withMemoryLimit<T>(db: Database, limit: string, work: () => Promise<T>): Promise<T> {
  const { before } = await db.one<{ before: string }>(
    "SELECT current_setting('memory_limit') AS before",
    [],
    'memory limit',
  );
  await db.run(`SET memory_limit = '${limit.replaceAll("'", "''")}'`, [], 'memory limit');
  try {
    return await work();
  } finally {
    await db.run(`SET memory_limit = '${before.replaceAll("'", "''")}'`, [], 'memory limit');
  }
}
