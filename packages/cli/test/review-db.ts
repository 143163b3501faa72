import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_COLUMNS, type ReferenceEntity, sourceKey } from '@em/core';
import { DEFAULT_NAME_INDEX_OPTIONS, IndexRetriever, LocalEngine, NameIndex } from '@em/local';
import { REPO_ROOT } from './helpers.js';

const DATA = path.join(REPO_ROOT, 'fixtures/data');
/** The fixtures' gold standard: what a reviewer or labeller who knows the truth would answer. */
export const FIXTURE_GOLD = path.join(DATA, 'gold.csv');

/** source key → true ciq_id (null: no counterpart), read from FIXTURE_GOLD. */
export const fixtureTruth = (): Map<string, string | null> =>
  new Map(
    readFileSync(FIXTURE_GOLD, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([id, system, ciq]) => [sourceKey({ source_id: id!, source_system: system! }), ciq || null]),
  );

/**
 * A database from fixtures/data (2,000 reference rows, 1,000 sources): init, ingest, and a run
 * with exact identifiers and name retrieval but no pair model, so about half the sources wait
 * in review with ten scored candidates each. The engine is closed so the CLI can open the file.
 */
export async function buildReviewDb(dbPath: string): Promise<void> {
  const engine = await LocalEngine.open({ dbPath });
  try {
    await engine.init();
    await engine.ingest('reference', path.join(DATA, 'reference.csv'));
    await engine.ingest('source', path.join(DATA, 'source.csv'));
    const reference = await engine.query<ReferenceEntity>(
      `SELECT ${REFERENCE_COLUMNS.join(', ')} FROM bronze.reference_entities ORDER BY ciq_id`,
    );
    const retriever = new IndexRetriever(NameIndex.build(reference, DEFAULT_NAME_INDEX_OPTIONS), reference);
    await engine.run({ backends: { retriever } });
  } finally {
    await engine.close();
  }
}

/** Open the database, use it, close it (the CLI needs the file to itself). */
export async function withDb<T>(dbPath: string, use: (engine: LocalEngine) => Promise<T>): Promise<T> {
  const engine = await LocalEngine.open({ dbPath });
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}
