import { CONTRACT_REFERENCE, contractSource } from '@em/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deltaSyncIndexBody,
  ensureDeltaSyncIndex,
  ensureVectorSearchEndpoint,
  VectorSearchRetriever,
} from '../src/index.js';
import { engineFor } from '../src/testing/engine-harness.js';
import { FakeWorkspace } from '../src/testing/fake-workspace.js';
import { fixture } from '../src/testing/fixtures.js';
import { parseQueryReply } from '../src/vector-search/vector-search-retriever.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

describe('VectorSearchRetriever', () => {
  it('reads a trimmed real reply, finding score by name', () => {
    const candidates = parseQueryReply(fixture('vector-search-query'), 'idx');
    expect(candidates.map((c) => [c.rank, c.entity.ciq_id, c.score])).toEqual([
      [0, 'IQ24937', 0.0327868852],
      [1, 'IQ21835', 0.0161290322],
    ]);
    expect(candidates[1]!.entity).toMatchObject({ lei: null, market_cap: 'Large Cap' });
  });

  it('finds score wherever the manifest puts it, and ranks by it', () => {
    const reply = {
      manifest: { columns: [{ name: 'score' }, { name: 'company_name' }, { name: 'ciq_id' }] },
      result: {
        data_array: [
          [0.2, 'B', 'IQ2'],
          [0.9, 'A', 'IQ1'],
        ],
      },
    };
    expect(parseQueryReply(reply, 'idx').map((c) => [c.rank, c.entity.ciq_id])).toEqual([
      [0, 'IQ1'],
      [1, 'IQ2'],
    ]);
  });

  it('says how to build the index when columns are missing', () => {
    expect(() =>
      parseQueryReply(
        { manifest: { columns: [{ name: 'ciq_id' }] }, result: { data_array: [] } },
        'cat.models.idx',
      ),
    ).toThrow(/cat\.models\.idx.*notebooks\/03_vector_index\.py/);
  });

  it('sends query_text, or query_vector from embedQuery, and a country filter only when asked', async () => {
    const engine = engineFor(ws);
    await engine.load('reference', CONTRACT_REFERENCE);
    const http = engine.connection.http;
    const byText = new VectorSearchRetriever(http, {
      indexName: 'c.m.idx',
      countryFilter: true,
      queryType: 'ANN',
    });
    await byText.retrieve(
      [contractSource('a', 'Siemens AG', { country: 'Germany' }), contractSource('b', 'Apple')],
      5,
    );
    const byVector = new VectorSearchRetriever(http, {
      indexName: 'c.m.idx',
      embedQuery: async (t) => [t.length, 0.5],
    });
    await byVector.retrieve([contractSource('c', 'Apple Inc.', { country: 'Germany' })], 2);
    const bodies = ws.server.calls('POST', /c\.m\.idx\/query$/).map((r) => r.body);
    expect(bodies[0]).toMatchObject({
      query_text: 'Siemens AG',
      query_type: 'ANN',
      num_results: 5,
      filters_json: '{"country":"Germany"}',
    });
    expect(bodies[1]).not.toHaveProperty('filters_json');
    expect(bodies[2]).toMatchObject({ query_vector: [10, 0.5], query_type: 'HYBRID' });
    expect(bodies[2]).not.toHaveProperty('query_text');
    expect(bodies[2]).not.toHaveProperty('filters_json');
  });
});

describe('Vector Search setup', () => {
  it('creates a delta-sync index with managed embeddings (databricks-gte-large-en) and waits until ready', async () => {
    const http = engineFor(ws).connection.http;
    let endpointGets = 0;
    ws.server.route('GET', /^\/api\/2\.0\/vector-search\/endpoints\/em-vs$/, () =>
      ++endpointGets === 1
        ? { status: 404, body: fixture('error-404-not-found') }
        : { body: fixture('vector-search-endpoint-online') },
    );
    ws.server.route('POST', /^\/api\/2\.0\/vector-search\/endpoints$/, () => ({ body: {} }));
    let indexGets = 0;
    ws.server.route('GET', /^\/api\/2\.0\/vector-search\/indexes\/cat\.models\.reference_index$/, () => {
      indexGets++;
      if (indexGets === 1) return { status: 404, body: fixture('error-404-not-found') };
      return indexGets === 2
        ? { body: { status: { ready: false, detailed_state: 'PROVISIONING_INITIAL_SNAPSHOT' } } }
        : { body: fixture('vector-search-index-ready') };
    });
    ws.server.route('POST', /^\/api\/2\.0\/vector-search\/indexes$/, () => ({ body: {} }));
    await ensureVectorSearchEndpoint(http, 'em-vs', { pollMs: 1000 });
    const spec = {
      indexName: 'cat.models.reference_index',
      endpointName: 'em-vs',
      sourceTable: 'cat.models.reference_search',
    };
    await ensureDeltaSyncIndex(http, spec, { pollMs: 1000 });
    expect(ws.server.calls('POST', /vector-search\/endpoints$/)[0]!.body).toEqual({
      name: 'em-vs',
      endpoint_type: 'STANDARD',
    });
    expect(ws.server.calls('POST', /vector-search\/indexes$/)[0]!.body).toEqual(deltaSyncIndexBody(spec));
    expect(deltaSyncIndexBody(spec).delta_sync_index_spec).toMatchObject({
      pipeline_type: 'TRIGGERED',
      embedding_source_columns: [
        { name: 'company_name', embedding_model_endpoint_name: 'databricks-gte-large-en' },
      ],
    });
  });

  it('triggers a sync when the index exists', async () => {
    const http = engineFor(ws).connection.http;
    ws.server.route('GET', /^\/api\/2\.0\/vector-search\/indexes\/i$/, () => ({
      body: fixture('vector-search-index-ready'),
    }));
    ws.server.route('POST', /^\/api\/2\.0\/vector-search\/indexes\/i\/sync$/, () => ({ body: {} }));
    await ensureDeltaSyncIndex(http, { indexName: 'i', endpointName: 'e', sourceTable: 't' });
    expect(ws.server.calls('POST', /indexes\/i\/sync$/)).toHaveLength(1);
    expect(ws.server.calls('POST', /vector-search\/indexes$/)).toHaveLength(0);
  });
});
