import { REFERENCE_COLUMNS, type ReferenceEntity } from '@em/core';
// The contract suites live with the Databricks client; the same suites run here against the embedded engine.
import {
  CONTRACT_REFERENCE,
  describeCandidateRetrieverContract,
  describeChatTransportContract,
  describeMatchSinkContract,
  describePairScorerContract,
  describeReferenceLookupContract,
} from '@em/core/testing';
// Everything from the package barrel: what @em/local exports is what the contracts check.
import {
  createOpenAiCompatibleTransport,
  DuckDbMatchSink,
  DuckDbReferenceLookup,
  LocalEngine,
  loadLocalBackends,
  readReferenceRows,
  trainLocalModel,
} from '../src/index.js';
import { recordsToCsv, tempDir, writeText } from './helpers/files.js';
import { answer, startChatServer } from './llm-chat-server.js';

/**
 * A DuckDB file in a fresh temp folder, initialised by LocalEngine.init and holding `reference`
 * (ingested from CSV, as `em ingest reference` does). `close` closes it and removes the folder.
 */
async function engineWith(reference: readonly ReferenceEntity[]) {
  const tmp = tempDir();
  const dbPath = tmp.file('contract.duckdb');
  const engine = await LocalEngine.open({ dbPath });
  await engine.init();
  const csv = recordsToCsv(REFERENCE_COLUMNS, reference as unknown as Record<string, string | null>[]);
  const report = await engine.ingest('reference', writeText(tmp.file('reference.csv'), csv));
  if (report.loaded !== reference.length) {
    throw new Error(`contract reference: ${report.loaded} of ${reference.length} rows loaded`);
  }
  return {
    engine,
    dbPath,
    /** The reference as the engine reads it back (the order the retrieval index is built in). */
    rows: () => readReferenceRows((sql) => engine.query(sql)),
    close: async () => {
      await engine.close();
      tmp.cleanup();
    },
  };
}

describeReferenceLookupContract('DuckDB (embedded)', async (reference) => {
  const local = await engineWith(reference);
  return { lookup: new DuckDbReferenceLookup(local.engine.db), close: local.close };
});

describeCandidateRetrieverContract('name index (embedded)', async (reference) => {
  const local = await engineWith(reference);
  const { retriever } = loadLocalBackends(local.dbPath, await local.rows());
  return { retriever, close: local.close };
});

describePairScorerContract('GBDT pair model (embedded, trained on the contract reference)', async () => {
  const local = await engineWith(CONTRACT_REFERENCE);
  const reference = await local.rows();
  trainLocalModel(local.dbPath, reference, { seed: 1 });
  const { scorer } = loadLocalBackends(local.dbPath, reference);
  if (!scorer) throw new Error('em train wrote no model beside the database');
  return { scorer, close: local.close };
});

describeMatchSinkContract('DuckDB MERGE into gold (embedded)', async () => {
  // The reference is there so a human decision may name any contract ciq_id.
  const local = await engineWith(CONTRACT_REFERENCE);
  const { engine } = local;
  return {
    sink: new DuckDbMatchSink(engine.db, { autoMatchThreshold: 0.9 }),
    readGold: () =>
      engine.query(
        `SELECT source_id, source_system, matched_ciq_id, match_method, match_confidence
         FROM gold.matched_entities ORDER BY source_system, source_id`,
      ),
    markHumanReview: async (key, ciqId) => {
      await engine.decide({ ...key, ciq_id: ciqId, decidedBy: 'contract-suite', allowNonCandidate: true });
    },
    close: local.close,
  };
});

describeChatTransportContract('OpenAI-compatible chat completions (local server)', async () => {
  const server = await startChatServer();
  server.script([], answer('IQ24937', 0.97, 'same name, ticker and country'));
  return {
    transport: createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, apiKey: 'sk-contract' }),
    model: 'test-model',
    close: () => server.close(),
  };
});
