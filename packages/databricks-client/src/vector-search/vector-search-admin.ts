import { REFERENCE_COLUMNS } from '@em/core';
import { DatabricksApiError } from '../errors.js';
import type { DatabricksHttp } from '../http/databricks-http.js';
import { waitFor } from '../http/wait-for.js';

export interface DeltaSyncIndexSpec {
  readonly indexName: string;
  readonly endpointName: string;
  /** Delta table with Change Data Feed on, e.g. entity_matching.models.reference_search. */
  readonly sourceTable: string;
  readonly primaryKey?: string;
  /** Text column Databricks embeds (managed embeddings). Default company_name. */
  readonly embeddingSourceColumn?: string;
  /** Embedding model endpoint. Default databricks-gte-large-en. */
  readonly embeddingModel?: string;
  readonly pipelineType?: 'TRIGGERED' | 'CONTINUOUS';
  readonly columnsToSync?: readonly string[];
}

const notFound = (error: unknown) => DatabricksApiError.isInstance(error) && error.status === 404;

async function getOrNull<T>(http: DatabricksHttp, path: string): Promise<T | null> {
  try {
    return await http.call<T>({ method: 'GET', path });
  } catch (error) {
    if (notFound(error)) return null;
    throw error;
  }
}

/** Create the Vector Search endpoint unless it exists; wait until it is ONLINE. */
export async function ensureVectorSearchEndpoint(
  http: DatabricksHttp,
  name: string,
  options: { pollMs?: number } = {},
) {
  const path = `/api/2.0/vector-search/endpoints/${encodeURIComponent(name)}`;
  if ((await getOrNull(http, path)) === null) {
    await http.call({
      method: 'POST',
      path: '/api/2.0/vector-search/endpoints',
      body: { name, endpoint_type: 'STANDARD' },
    });
  }
  return waitFor(
    http.runtime,
    async () => {
      const ep = await http.call<{ endpoint_status?: { state?: string; message?: string } }>({
        method: 'GET',
        path,
      });
      const state = ep.endpoint_status?.state;
      if (state === 'OFFLINE')
        throw new Error(`Vector Search endpoint ${name} is OFFLINE: ${ep.endpoint_status?.message ?? ''}`);
      return state === 'ONLINE' ? ep : undefined;
    },
    { what: `Vector Search endpoint ${name} to be ONLINE`, intervalMs: options.pollMs ?? 15_000 },
  );
}

/** The create-index body: a delta-sync index with managed embeddings over the reference table. */
export function deltaSyncIndexBody(spec: DeltaSyncIndexSpec) {
  return {
    name: spec.indexName,
    endpoint_name: spec.endpointName,
    primary_key: spec.primaryKey ?? 'ciq_id',
    index_type: 'DELTA_SYNC',
    delta_sync_index_spec: {
      source_table: spec.sourceTable,
      pipeline_type: spec.pipelineType ?? 'TRIGGERED',
      embedding_source_columns: [
        {
          name: spec.embeddingSourceColumn ?? 'company_name',
          embedding_model_endpoint_name: spec.embeddingModel ?? 'databricks-gte-large-en',
        },
      ],
      columns_to_sync: [...(spec.columnsToSync ?? REFERENCE_COLUMNS)],
    },
  };
}

/** Create the index unless it exists, else trigger a sync; wait until it is ready. */
export async function ensureDeltaSyncIndex(
  http: DatabricksHttp,
  spec: DeltaSyncIndexSpec,
  options: { pollMs?: number } = {},
) {
  const path = `/api/2.0/vector-search/indexes/${encodeURIComponent(spec.indexName)}`;
  if ((await getOrNull(http, path)) === null) {
    await http.call({
      method: 'POST',
      path: '/api/2.0/vector-search/indexes',
      body: deltaSyncIndexBody(spec),
    });
  } else {
    await http.call({ method: 'POST', path: `${path}/sync`, idempotent: true });
  }
  return waitFor(
    http.runtime,
    async () => {
      const index = await http.call<{
        status?: { ready?: boolean; detailed_state?: string; message?: string };
      }>({
        method: 'GET',
        path,
      });
      const state = index.status?.detailed_state ?? '';
      if (/FAILED/.test(state))
        throw new Error(`Vector Search index ${spec.indexName} ${state}: ${index.status?.message ?? ''}`);
      return index.status?.ready === true ? index : undefined;
    },
    { what: `Vector Search index ${spec.indexName} to be ready`, intervalMs: options.pollMs ?? 15_000 },
  );
}
