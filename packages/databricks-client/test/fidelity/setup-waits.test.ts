// Waits on Vector Search and Model Serving as the services report state. References:
// - Vector Search endpoint `endpoint_status.state` ∈ DELETED, OFFLINE, ONLINE, PROVISIONING,
//   RED_STATE, YELLOW_STATE (databricks-sdk-py service/vectorsearch.py EndpointStatusState).
// - Index `status.detailed_state`: `ready` is already true while a triggered sync runs
//   (ONLINE_TRIGGERED_UPDATE); ONLINE_NO_PENDING_UPDATE means the sync is done (src/__fixtures__/
//   vector-search-index-ready.json, a trimmed real reply).
// - Serving endpoint `state.config_update` ∈ NOT_UPDATING, IN_PROGRESS, UPDATE_FAILED,
//   UPDATE_CANCELED (databricks-sdk-py service/serving.py EndpointStateConfigUpdate); a config PUT
//   while an update is IN_PROGRESS is refused with 409 RESOURCE_CONFLICT.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployServingEndpoint, ensureDeltaSyncIndex, ensureVectorSearchEndpoint } from '../../src/index.js';
import { engineFor } from '../../src/testing/engine-harness.js';
import { FakeWorkspace } from '../../src/testing/fake-workspace.js';
import { fixture } from '../../src/testing/fixtures.js';
import { rejection } from '../support/rejection.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

const http = () => engineFor(ws).connection.http;
const sequence = (replies: object[]) => {
  let i = 0;
  return () => ({ body: replies[Math.min(i++, replies.length - 1)]! });
};

describe('ensureDeltaSyncIndex', () => {
  it('waits for the triggered sync to finish, not just for ready', async () => {
    const index = (detailed_state: string) => ({
      ...fixture<any>('vector-search-index-ready'),
      status: { ready: true, detailed_state },
    });
    ws.server.route('POST', /^\/api\/2\.0\/vector-search\/indexes\/i\/sync$/, () => ({ body: {} }));
    ws.server.route(
      'GET',
      /^\/api\/2\.0\/vector-search\/indexes\/i$/,
      sequence([
        index('ONLINE_NO_PENDING_UPDATE'),
        index('ONLINE_TRIGGERED_UPDATE'),
        index('ONLINE_TRIGGERED_UPDATE'),
        index('ONLINE_NO_PENDING_UPDATE'),
      ]),
    );
    const done = await ensureDeltaSyncIndex(
      http(),
      { indexName: 'i', endpointName: 'e', sourceTable: 't' },
      { pollMs: 1000 },
    );
    expect(done.status?.detailed_state).toBe('ONLINE_NO_PENDING_UPDATE');
    // One GET to see it exists, then two in-progress polls before the finished one.
    expect(ws.server.calls('GET', /indexes\/i$/)).toHaveLength(4);
  });

  it('fails at once when the sync pipeline failed', async () => {
    ws.server.route('POST', /^\/api\/2\.0\/vector-search\/indexes\/i\/sync$/, () => ({ body: {} }));
    ws.server.route('GET', /^\/api\/2\.0\/vector-search\/indexes\/i$/, () => ({
      body: {
        status: { ready: true, detailed_state: 'ONLINE_PIPELINE_FAILED', message: 'source table dropped' },
      },
    }));
    const error = await rejection(
      ensureDeltaSyncIndex(http(), { indexName: 'i', endpointName: 'e', sourceTable: 't' }, { pollMs: 1000 }),
    );
    expect(error.message).toMatch(/ONLINE_PIPELINE_FAILED: source table dropped/);
  });
});

describe('ensureVectorSearchEndpoint', () => {
  for (const state of ['RED_STATE', 'YELLOW_STATE', 'OFFLINE']) {
    it(`fails fast on ${state} instead of waiting for the timeout`, async () => {
      ws.server.route('GET', /^\/api\/2\.0\/vector-search\/endpoints\/em-vs$/, () => ({
        body: { name: 'em-vs', endpoint_status: { state, message: 'nodes unhealthy' } },
      }));
      const error = await rejection(ensureVectorSearchEndpoint(http(), 'em-vs', { pollMs: 1000 }));
      expect(error.message).toMatch(new RegExp(`is ${state}: nodes unhealthy`));
      expect(ws.server.calls('GET', /endpoints\/em-vs$/).length).toBeLessThanOrEqual(2);
    });
  }
});

describe('deployServingEndpoint', () => {
  const spec = { endpointName: 'em-ditto', modelName: 'cat.models.ditto_matcher', pollMs: 1000 };
  const endpoint = (config_update: string, version = '3') => ({
    name: 'em-ditto',
    state: { ready: 'READY', config_update },
    config: { served_entities: [{ entity_name: 'cat.models.ditto_matcher', entity_version: version }] },
  });
  beforeEach(() => {
    ws.server.route('GET', /unity-catalog\/models\/.*\/aliases\/champion$/, () => ({
      body: fixture('uc-model-alias'),
    }));
  });

  it('fails fast when the update was canceled', async () => {
    ws.server.route('PUT', /serving-endpoints\/em-ditto\/config$/, () => ({ body: {} }));
    ws.server.route(
      'GET',
      /^\/api\/2\.0\/serving-endpoints\/em-ditto$/,
      sequence([endpoint('NOT_UPDATING', '1'), endpoint('UPDATE_CANCELED', '1')]),
    );
    const error = await rejection(deployServingEndpoint(http(), spec));
    expect(error.message).toMatch(/UPDATE_CANCELED/);
  });

  it('waits out a pending update when the config PUT answers 409, then retries it', async () => {
    ws.server.once('PUT', /serving-endpoints\/em-ditto\/config$/, {
      status: 409,
      body: {
        error_code: 'RESOURCE_CONFLICT',
        message: 'Endpoint em-ditto is currently being updated. Please try again later.',
      },
    });
    ws.server.route('PUT', /serving-endpoints\/em-ditto\/config$/, () => ({ body: {} }));
    ws.server.route(
      'GET',
      /^\/api\/2\.0\/serving-endpoints\/em-ditto$/,
      sequence([
        endpoint('IN_PROGRESS', '1'),
        endpoint('IN_PROGRESS', '1'),
        endpoint('NOT_UPDATING', '1'),
        endpoint('IN_PROGRESS'),
        endpoint('NOT_UPDATING'),
      ]),
    );
    const result = await deployServingEndpoint(http(), spec);
    expect(result.changed).toBe(true);
    expect(ws.server.calls('PUT', /config$/)).toHaveLength(2);
  });
});
