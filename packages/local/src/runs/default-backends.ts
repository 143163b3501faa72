import { type CascadeBackends, type CascadeConfig, parseCascadeConfig } from '@em/core';
import { createLlmAdjudicator, llmAdjudicatorOptions } from '@em/core/adjudication';
import { llmEndpoint } from '@em/core/engine';
import type { Database } from '../db/database.js';
import { createJsonlAdjudicationCache, llmCachePathFor } from '../llm/jsonl-adjudication-cache.js';
import { createOpenAiCompatibleTransport } from '../llm/openai-compatible-transport.js';
import { loadLocalBackends, type PairModelBeside } from '../model/local-backends.js';
import { readReferenceStore } from '../reference/read-reference-store.js';

export type StageBackends = Partial<Pick<CascadeBackends, 'retriever' | 'scorer' | 'adjudicator'>>;

/**
 * Stages 2–4 for a run that was not handed its backends: the retrieval index beside the
 * database (rebuilt when the reference changed), the trained pair model when one lies beside
 * it, and the LLM adjudicator when an OpenAI-compatible endpoint is configured
 * (`config.llm.baseUrl` and `model`, with `llmApiKey`: the CLI resolves them from flags, EM_LLM_*
 * and the config file). Call `close` when the run is over. An empty reference means no retriever:
 * every source that no identifier settles goes to review, saying why.
 */
export async function defaultBackends(
  db: Database,
  config: CascadeConfig,
  llmApiKey: string | null = null,
  /** The pair model beside the database, when the caller read it already (else read here). */
  pairModel?: PairModelBeside | null,
): Promise<{ backends: StageBackends; config: CascadeConfig; close: () => Promise<void> }> {
  // Columnar, not one object per row: a million-row reference takes ~150 MB instead of ~700 MB.
  const reference = await readReferenceStore((sql, params) => db.all(sql, params, 'reading the reference'));
  const backends: { -readonly [K in keyof StageBackends]: StageBackends[K] } = {};
  let close = async (): Promise<void> => {};
  if (reference.length > 0) {
    const local = await loadLocalBackends(db.path, reference, {
      blockingKeys: config.blockingKeys ?? [],
      ...(pairModel === undefined ? {} : { pairModel }),
    });
    backends.retriever = local.retriever;
    if (local.scorer) backends.scorer = local.scorer;
    close = local.close;
  }
  const endpoint = llmEndpoint(config.llm, llmApiKey);
  if (endpoint === null) return { backends, config, close };
  const transport = createOpenAiCompatibleTransport({
    baseUrl: endpoint.baseUrl,
    ...(endpoint.apiKey ? { apiKey: endpoint.apiKey } : {}),
    timeoutMs: config.llm.timeoutMs,
    maxRetries: 3,
  });
  backends.adjudicator = createLlmAdjudicator({
    transport,
    cache: createJsonlAdjudicationCache(llmCachePathFor(db.path)),
    ...llmAdjudicatorOptions(config, endpoint.model),
  });
  // A configured endpoint turns stage 4 on: a new (parsed, frozen) config, the caller's is unchanged.
  return {
    backends,
    config: parseCascadeConfig({ ...config, llm: { ...config.llm, enabled: true } }),
    close,
  };
}
