import { REFERENCE_COLUMNS } from '@em/core';
import type { Database } from '../db/database.js';
import { ReferenceStore } from './reference-store.js';

/** Reference rows in a stable order (the index fingerprint and document ids depend on it). */
export const REFERENCE_STORE_SQL = `SELECT ${REFERENCE_COLUMNS.map((c) => `${c}::VARCHAR AS ${c}`).join(', ')}
  FROM bronze.reference_entities ORDER BY ciq_id`;

/**
 * The bronze reference, streamed chunk by chunk from DuckDB into a columnar `ReferenceStore`
 * (no row objects: a million rows take ~150 MB), in `ORDER BY ciq_id` order like
 * `readReferenceRows`.
 */
export async function readReferenceStore(db: Database): Promise<ReferenceStore> {
  const { n } = await db.one<{ n: number }>('SELECT count(*) AS n FROM bronze.reference_entities');
  const store = new ReferenceStore(n);
  const result = await db.connection.stream(REFERENCE_STORE_SQL);
  const width = REFERENCE_COLUMNS.length;
  const values: (string | null)[] = new Array(width).fill(null);
  for (
    let chunk = await result.fetchChunk();
    chunk !== null && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const vectors = Array.from({ length: width }, (_, c) => chunk!.getColumnVector(c));
    for (let r = 0; r < chunk.rowCount; r++) {
      for (let c = 0; c < width; c++) values[c] = vectors[c]!.getItem(r) as string | null;
      store.append(values);
    }
  }
  return store.seal();
}
