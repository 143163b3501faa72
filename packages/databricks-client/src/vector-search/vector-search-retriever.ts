import {
  type Candidate,
  type CandidateRetriever,
  EmError,
  type PortCapabilities,
  REFERENCE_COLUMNS,
  type SourceEntity,
} from '@em/core';
import { mapConcurrent } from '@em/core/cascade';
import type { DatabricksHttp } from '../http/databricks-http.js';
import { referenceFromRow } from '../sql/reference-columns.js';

export interface VectorSearchRetrieverOptions {
  /** Three-level index name, e.g. entity_matching.models.reference_index. */
  readonly indexName: string;
  /** ANN (vectors only) or HYBRID (vectors and keywords; the default — names are short and keyword-rich). */
  readonly queryType?: 'ANN' | 'HYBRID';
  /**
   * Send `filters_json: {"country": …}` when the source has a country. Off by default: cross-listed
   * companies often carry another country than their reference row, and a filter drops them.
   */
  readonly countryFilter?: boolean;
  /** The text searched for each source (default its company_name). */
  readonly queryText?: (source: SourceEntity) => string;
  /** Embed the query yourself (a self-managed-vector index): `query_vector` is sent instead of `query_text`. */
  readonly embedQuery?: (text: string) => Promise<number[]>;
  /** Queries of one call in flight at once (default 4). */
  readonly concurrency?: number;
  readonly capabilities?: Partial<PortCapabilities>;
}

interface QueryReply {
  readonly manifest?: { readonly columns?: readonly { readonly name?: string }[] };
  readonly result?: { readonly data_array?: readonly (readonly unknown[])[] | null };
}

/**
 * Stage 2 on Mosaic AI Vector Search: one query per source
 * (`POST /api/2.0/vector-search/indexes/{index}/query`), reading the `score` column by name.
 */
export class VectorSearchRetriever implements CandidateRetriever {
  readonly capabilities: PortCapabilities;

  constructor(
    private readonly http: DatabricksHttp,
    private readonly options: VectorSearchRetrieverOptions,
  ) {
    this.capabilities = { maxBatchSize: 16, maxParallelCalls: 2, ...options.capabilities };
  }

  retrieve(sources: readonly SourceEntity[], k: number): Promise<Candidate[][]> {
    return mapConcurrent(sources, this.options.concurrency ?? 4, (source) => this.query(source, k));
  }

  private async query(source: SourceEntity, k: number): Promise<Candidate[]> {
    const { options } = this;
    const text = options.queryText?.(source) ?? source.company_name;
    const path = `/api/2.0/vector-search/indexes/${encodeURIComponent(options.indexName)}/query`;
    const reply = await this.http.call<QueryReply>({
      method: 'POST',
      path,
      idempotent: true,
      body: {
        columns: [...REFERENCE_COLUMNS],
        num_results: k,
        query_type: options.queryType ?? 'HYBRID',
        ...(options.embedQuery ? { query_vector: await options.embedQuery(text) } : { query_text: text }),
        ...(options.countryFilter && source.country
          ? { filters_json: JSON.stringify({ country: source.country }) }
          : {}),
      },
    });
    return parseQueryReply(reply, `${options.indexName}`).slice(0, k);
  }
}

/** Rows of a query reply as candidates, best score first, ranks 0…n-1. */
export function parseQueryReply(reply: QueryReply, indexName: string): Candidate[] {
  const names = (reply.manifest?.columns ?? []).map((c) => c.name ?? '');
  const scoreAt = names.indexOf('score');
  if (scoreAt < 0 || !names.includes('ciq_id') || !names.includes('company_name')) {
    throw new EmError(
      `Vector Search index ${indexName} replied without the columns em needs (ciq_id, company_name, score; got ${names.join(', ') || 'none'}). Build the index with notebooks/03_vector_index.py.`,
    );
  }
  const scored = (reply.result?.data_array ?? []).map((cells) => {
    const row = Object.fromEntries(names.map((name, i) => [name, cells[i]]));
    return { entity: referenceFromRow(row), score: Number(cells[scoreAt]) };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored.map((c, rank) => ({ ...c, rank }));
}
