import { LocalEngine } from '../../src/engine.js';

/** An initialized engine on `dbPath` (default: in memory). */
export async function openEngine(dbPath = ':memory:'): Promise<LocalEngine> {
  const engine = await LocalEngine.open({ dbPath });
  await engine.init();
  return engine;
}

/** Gold rows without what changes between runs (times, run ids), in a stable order. */
export async function stableGold(engine: LocalEngine): Promise<Record<string, unknown>[]> {
  return engine.query(
    `SELECT * EXCLUDE (match_timestamp, processing_time_ms, compute_ms, run_id)
     FROM gold.matched_entities ORDER BY source_system, source_id`,
  );
}
