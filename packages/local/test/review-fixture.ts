import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_COLUMNS, type ReferenceEntity } from '@em/core';
import { LocalEngine } from '../src/engine.js';
import { IndexRetriever } from '../src/retrieval/index-retriever.js';
import { NameIndex } from '../src/retrieval/name-index.js';
import { DEFAULT_NAME_INDEX_OPTIONS } from '../src/retrieval/name-index-options.js';

/** The committed generated set: 2,000 reference rows, 1,000 sources, their truth. */
export const FIXTURE_DATA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../fixtures/data',
);

/** A retriever over the engine's reference, so review cases carry scored candidates. */
export async function referenceRetriever(engine: LocalEngine): Promise<IndexRetriever> {
  const reference = await engine.query<ReferenceEntity>(
    `SELECT ${REFERENCE_COLUMNS.join(', ')} FROM bronze.reference_entities ORDER BY ciq_id`,
  );
  return new IndexRetriever(NameIndex.build(reference, DEFAULT_NAME_INDEX_OPTIONS), reference);
}

/**
 * init, ingest fixtures/data, run exact identifiers + retrieval (no pair model): about half the
 * sources are exact matches, the other half wait in review with ten candidates each.
 */
export async function reviewFixture(
  dbPath = ':memory:',
): Promise<{ engine: LocalEngine; retriever: IndexRetriever }> {
  const engine = await LocalEngine.open({ dbPath });
  await engine.init();
  await engine.ingest('reference', path.join(FIXTURE_DATA, 'reference.csv'));
  await engine.ingest('source', path.join(FIXTURE_DATA, 'source.csv'));
  const retriever = await referenceRetriever(engine);
  await engine.run({ backends: { retriever } });
  return { engine, retriever };
}
