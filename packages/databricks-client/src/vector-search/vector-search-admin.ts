import { EmError, REFERENCE_COLUMNS } from '@em/core';
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

const VS_ENDPOINT_BROKEN = new Set(['OFFLINE', 'RED_STATE', 'YELLOW_STATE', 'DELETED']);

/**
 * An index is synced when its `status.detailed_state` says no update is pending (a continuous
 * index: when it is streaming); `ready` alone is true while a triggered sync still runs. States as
 * the REST API reports them (e.g. ONLINE_TRIGGERED_UPDATE, ONLINE_NO_PENDING_UPDATE,
 * ONLINE_PIPELINE_FAILED, OFFLINE_FAILED; the same family as the SDKs' SyncedTableState).
 */
export function indexSyncState(
  detailed: string,
  pipeline: 'TRIGGERED' | 'CONTINUOUS',
): 'synced' | 'waiting' | 'failed' {
  if (/FAILED/.test(detailed) || detailed === 'OFFLINE') return 'failed';
  if (detailed === 'ONLINE_NO_PENDING_UPDATE') return 'synced';
  if (pipeline === 'CONTINUOUS' && detailed === 'ONLINE_CONTINUOUS_UPDATE') return 'synced';
  return 'waiting';
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
      // EndpointStatusState (databricks-sdk-py service/vectorsearch.py): DELETED, OFFLINE, ONLINE,
      // PROVISIONING, RED_STATE, YELLOW_STATE. Only PROVISIONING is worth waiting for.
      if (state !== undefined && VS_ENDPOINT_BROKEN.has(state)) {
        throw new EmError(
          `Vector Search endpoint ${name} is ${state}: ${ep.endpoint_status?.message || 'no message'}. Check it under Compute → Vector Search; em stops instead of waiting.`,
        );
      }
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
  const pollMs = options.pollMs ?? 15_000;
  const pipeline = spec.pipelineType ?? 'TRIGGERED';
  if ((await getOrNull(http, path)) === null) {
    await http.call({
      method: 'POST',
      path: '/api/2.0/vector-search/indexes',
      body: deltaSyncIndexBody(spec),
    });
  } else if (pipeline === 'TRIGGERED') {
    await http.call({ method: 'POST', path: `${path}/sync`, idempotent: true });
    // The sync just requested may not show yet: look first after one interval.
    await http.runtime.sleep(pollMs);
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
      const sync = indexSyncState(state, pipeline);
      if (sync === 'failed') {
        throw new EmError(
          `Vector Search index ${spec.indexName} is ${state}: ${index.status?.message || 'no message'}. See the index's sync pipeline in Catalog Explorer.`,
        );
      }
      return sync === 'synced' ? index : undefined;
    },
    {
      what: `Vector Search index ${spec.indexName} to finish syncing (detailed_state ONLINE_NO_PENDING_UPDATE)`,
      intervalMs: pollMs,
    },
  );
}
