import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalEngine, readReferenceRows, trainLocalModel } from '@em/local';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/data');

/**
 * A console database from fixtures/data (2,000 reference rows, 1,000 sources): a small pair
 * model trained on perturbed reference rows, one run. Some gold rows are dated back 1–3 days
 * so the dashboard's per-day charts have several points, and one failed run is logged (as a
 * crashed run is marked by the next one) so the run_failed alert fires.
 */
export async function buildConsoleDb(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-serve-'));
  const dbPath = path.join(dir, 'em.duckdb');
  const engine = await LocalEngine.open({ dbPath });
  try {
    await engine.init();
    await engine.ingest('reference', path.join(DATA, 'reference.csv'));
    await engine.ingest('source', path.join(DATA, 'source.csv'));
    const reference = await readReferenceRows((sql) => engine.query(sql));
    trainLocalModel(dbPath, reference, { pairs: 400, seed: 3, gbdt: { nTrees: 40 } });
    await engine.run();
    await engine.query(
      `UPDATE gold.matched_entities SET match_timestamp = match_timestamp - to_days(CAST(hash(source_id) % 4 AS INTEGER))`,
    );
    await engine.query(
      `INSERT INTO ops.runs (run_id, kind, started_at, finished_at, status, rows_processed, message)
       VALUES ('crashed-run', 'match', now(), now(), 'failed', 120, 'marked failed: the process died before finishing')`,
    );
  } finally {
    await engine.close();
  }
  return dbPath;
}
