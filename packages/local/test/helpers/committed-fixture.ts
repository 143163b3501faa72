import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { LocalEngine } from '../../src/engine.js';
import { openEngine } from './engine.js';
import { tempDir } from './files.js';

/** The committed generated data set (2,000 reference rows, 1,000 sources, gold). */
export const COMMITTED_DATA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../fixtures/data',
);

/**
 * A database file with the committed reference and sources ingested, opened before the file's
 * tests and closed (and removed) after them. `engine()` is the open engine.
 */
export function ingestedCommittedData(): { readonly db: string; readonly engine: () => LocalEngine } {
  const tmp = tempDir();
  const db = tmp.file('em.duckdb');
  let engine: LocalEngine | undefined;
  beforeAll(async () => {
    engine = await openEngine(db);
    await engine.ingest('reference', path.join(COMMITTED_DATA, 'reference.csv'));
    await engine.ingest('source', path.join(COMMITTED_DATA, 'source.csv'));
  });
  afterAll(async () => {
    await engine?.close();
    tmp.cleanup();
  });
  return { db, engine: () => engine! };
}
