import { sourceKey } from '@em/core';
import {
  describeCandidateRetrieverContract,
  describeChatTransportContract,
  describeMatchSinkContract,
  describePairScorerContract,
  describeReferenceLookupContract,
} from '@em/core/testing';
import {
  DatabricksMatchSink,
  type FoundationModelChatTransport,
  type ServingPairScorer,
  type VectorSearchRetriever,
} from '../src/index.js';
import { engineFor } from '../src/testing/engine-harness.js';
import { FakeWorkspace } from '../src/testing/fake-workspace.js';

// Every port of the Databricks client, over real sockets, against the local fake workspace.

describeReferenceLookupContract('Databricks SQL (Statement Execution, fake warehouse)', async (reference) => {
  const ws = await FakeWorkspace.start({ pendingPolls: 1, chunkRows: 2 });
  const engine = engineFor(ws);
  await engine.load('reference', reference);
  return { lookup: engine.lookup, close: () => ws.close() };
});

describeCandidateRetrieverContract('Databricks Vector Search (fake index)', async (reference) => {
  const ws = await FakeWorkspace.start();
  const engine = engineFor(ws);
  await engine.load('reference', reference);
  return { retriever: engine.retriever as VectorSearchRetriever, close: () => ws.close() };
});

describePairScorerContract('Databricks Model Serving (fake Ditto endpoint)', async () => {
  const ws = await FakeWorkspace.start();
  return { scorer: engineFor(ws).scorer as ServingPairScorer, close: () => ws.close() };
});

describeMatchSinkContract('Databricks MERGE into gold (fake warehouse)', async () => {
  const ws = await FakeWorkspace.start();
  const engine = engineFor(ws);
  return {
    sink: new DatabricksMatchSink(engine.sql, { autoMatchThreshold: 0.9 }),
    readGold: async () =>
      [...ws.warehouse.gold.values()].map((r) => ({
        source_id: String(r.source_id),
        source_system: String(r.source_system),
        matched_ciq_id: (r.matched_ciq_id as string | null) ?? null,
        match_method: String(r.match_method),
        match_confidence: Number(r.match_confidence),
      })),
    markHumanReview: async (key, ciqId) => {
      const row = ws.warehouse.gold.get(sourceKey(key))!;
      ws.warehouse.gold.set(sourceKey(key), {
        ...row,
        matched_ciq_id: ciqId,
        match_method: 'human_review',
        match_confidence: 1,
      });
    },
    close: () => ws.close(),
  };
});

describeChatTransportContract('Databricks Foundation Model APIs (fake endpoint)', async () => {
  const ws = await FakeWorkspace.start();
  return {
    transport: engineFor(ws).transport as FoundationModelChatTransport,
    model: 'databricks-meta-llama-3-3-70b-instruct',
    close: () => ws.close(),
  };
});
