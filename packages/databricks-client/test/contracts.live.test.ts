import {
  describeCandidateRetrieverContract,
  describeChatTransportContract,
  describeMatchSinkContract,
  describePairScorerContract,
  describeReferenceLookupContract,
} from '@em/core/testing';
import { describe, it } from 'vitest';
import { DatabricksEngine, type DatabricksEngineOptions, DatabricksMatchSink } from '../src/index.js';
import { liveWorkspace } from './support/live-workspace.js';

// The same contract suites against a real workspace, when one is configured (see live-workspace.ts).
const live = liveWorkspace();
const env = process.env;

if (!live.ready) {
  console.warn(`Skipping the Databricks contract suites against a real workspace: ${live.reason}.`);
  describe.skip('Databricks contracts against a real workspace', () => {
    it(`needs a workspace (${live.reason})`, () => undefined);
  });
} else {
  const open = (options: Partial<DatabricksEngineOptions> = {}) =>
    DatabricksEngine.open({ catalog: env.EM_TEST_CATALOG!, ...options });

  describeReferenceLookupContract('Databricks SQL (live workspace)', async (reference) => {
    const engine = open();
    await engine.init({ createCatalog: false });
    await engine.load('reference', reference);
    return { lookup: engine.lookup, close: () => engine.close() };
  });

  describeMatchSinkContract('Databricks MERGE into gold (live workspace)', async () => {
    const engine = open();
    await engine.init({ createCatalog: false });
    const gold = engine.sql.table('gold.matched_entities');
    await engine.query(`DELETE FROM ${gold} WHERE source_system = :system`, { system: 'CONTRACT' });
    return {
      sink: new DatabricksMatchSink(engine.sql, { autoMatchThreshold: 0.9 }),
      readGold: () =>
        engine.query(
          `SELECT source_id, source_system, matched_ciq_id, match_method, match_confidence FROM ${gold} WHERE source_system = :system`,
          { system: 'CONTRACT' },
        ) as never,
      markHumanReview: async (key, ciqId) => {
        await engine.query(
          `UPDATE ${gold} SET match_method = 'human_review', matched_ciq_id = :ciq, match_confidence = 1.0 WHERE source_id = :id AND source_system = :system`,
          { ciq: ciqId, id: key.source_id, system: key.source_system },
        );
      },
      close: () => engine.close(),
    };
  });

  if (env.EM_TEST_VECTOR_SEARCH_INDEX) {
    describeCandidateRetrieverContract('Databricks Vector Search (live index)', async () => {
      const engine = open({ vectorSearchIndex: env.EM_TEST_VECTOR_SEARCH_INDEX });
      return { retriever: engine.retriever!, close: () => engine.close() };
    });
  } else console.warn('Skipping the live Vector Search contract: EM_TEST_VECTOR_SEARCH_INDEX is not set.');

  if (env.EM_TEST_SERVING_ENDPOINT) {
    describePairScorerContract('Databricks Model Serving (live endpoint)', async () => {
      const engine = open({ servingEndpoint: env.EM_TEST_SERVING_ENDPOINT });
      return { scorer: engine.scorer!, close: () => engine.close() };
    });
  } else console.warn('Skipping the live Model Serving contract: EM_TEST_SERVING_ENDPOINT is not set.');

  describeChatTransportContract('Databricks Foundation Model APIs (live)', async () => {
    const engine = open();
    return {
      transport: engine.transport,
      model: env.EM_TEST_FOUNDATION_MODEL ?? engine.foundationModel,
      close: () => engine.close(),
    };
  });
}
