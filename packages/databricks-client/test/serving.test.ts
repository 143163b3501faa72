import type { Candidate } from '@em/core';
import { CONTRACT_REFERENCE, contractSource } from '@em/core/testing';
import { DITTO_COMPANY_ATTRIBUTES, serializeDittoPair } from '@em/core/text';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployServingEndpoint, type ServingPairScorer } from '../src/index.js';
import { engineFor } from '../src/testing/engine-harness.js';
import { FakeWorkspace } from '../src/testing/fake-workspace.js';
import { fixture } from '../src/testing/fixtures.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

const pairs = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const candidate: Candidate = {
      entity: CONTRACT_REFERENCE[i % CONTRACT_REFERENCE.length]!,
      score: 0.5,
      rank: 0,
    };
    return { source: contractSource(`p${i}`, `Company ${i}`), candidate, topScore: 0.5, nextScore: null };
  });
const invocations = () => ws.server.calls('POST', /^\/serving-endpoints\/em-ditto\/invocations$/);

describe('ServingPairScorer', () => {
  it('sends Ditto-serialized { left, right } records, exactly as core serializes them', async () => {
    const scorer = engineFor(ws).scorer as ServingPairScorer;
    const batch = pairs(3);
    await scorer.scorePairs(batch);
    expect(invocations()[0]!.body).toEqual({
      dataframe_records: batch.map((p) =>
        serializeDittoPair(p.source, p.candidate.entity, DITTO_COMPANY_ATTRIBUTES),
      ),
    });
  });

  it('reads numbers and { match_probability } predictions (fixture)', async () => {
    ws.server.once('POST', /invocations$/, { body: fixture('serving-invocations') });
    const scores = await (engineFor(ws).scorer as ServingPairScorer).scorePairs(pairs(2));
    expect(scores).toEqual({ probabilities: [0.9731, 0.0212], modelVersion: 'serving:em-ditto' });
  });

  // An endpoint scaled to zero answers its first requests with HTTP 555 while it scales up
  // (docs.databricks.com/machine-learning/model-serving/model-serving-slow-requests); the page gives
  // no body, so the fake sends none. Before 555 was retryable this failed on the first reply.
  it('rides out a 555 scale-from-zero within the budget', async () => {
    const cold = { status: 555, body: '' };
    ws.server.once('POST', /invocations$/, cold, cold);
    const scores = await (engineFor(ws).scorer as ServingPairScorer).scorePairs(pairs(2));
    expect(scores.probabilities).toHaveLength(2);
    expect(invocations()).toHaveLength(3);
  });

  it('rejects a reply with the wrong number of predictions or a value outside [0, 1]', async () => {
    const scorer = engineFor(ws).scorer as ServingPairScorer;
    ws.server.once('POST', /invocations$/, { body: { predictions: [0.5] } });
    await expect(scorer.scorePairs(pairs(2))).rejects.toThrow(/returned 1 predictions for 2 pairs/);
    ws.server.once('POST', /invocations$/, { body: { predictions: [0.5, 1.7] } });
    await expect(scorer.scorePairs(pairs(2))).rejects.toThrow(
      /returned 1.7 for row 1; expected a match probability/,
    );
  });

  it('is driven in batches of its maxBatchSize by the cascade (top-k pairs of a batch per call)', () => {
    const scorer = engineFor(ws, { scorer: { capabilities: { maxBatchSize: 64 } } }).scorer!;
    expect(scorer.capabilities).toEqual({ maxBatchSize: 64, maxParallelCalls: 4 });
  });
});

describe('deployServingEndpoint', () => {
  const http = () => engineFor(ws).connection.http;
  const spec = { endpointName: 'em-ditto', modelName: 'entity_matching.models.ditto_matcher', pollMs: 1000 };
  beforeEach(() => {
    ws.server.route(
      'GET',
      /^\/api\/2\.1\/unity-catalog\/models\/entity_matching\.models\.ditto_matcher\/aliases\/champion$/,
      () => ({ body: fixture('uc-model-alias') }),
    );
  });

  it('creates the endpoint from the alias version when missing, then waits for READY', async () => {
    let gets = 0;
    ws.server.route('GET', /^\/api\/2\.0\/serving-endpoints\/em-ditto$/, () => {
      gets++;
      if (gets === 1) return { status: 404, body: fixture('error-404-not-found') };
      return gets === 2
        ? { body: { state: { ready: 'NOT_READY', config_update: 'IN_PROGRESS' } } }
        : { body: fixture('serving-endpoint-ready') };
    });
    ws.server.route('POST', /^\/api\/2\.0\/serving-endpoints$/, () => ({ body: {} }));
    expect(await deployServingEndpoint(http(), spec)).toEqual({ version: '3', changed: true });
    expect(ws.server.calls('POST', /serving-endpoints$/)[0]!.body).toEqual({
      name: 'em-ditto',
      config: {
        served_entities: [
          {
            name: 'ditto_matcher-3',
            entity_name: 'entity_matching.models.ditto_matcher',
            entity_version: '3',
            workload_size: 'Small',
            scale_to_zero_enabled: true,
          },
        ],
      },
    });
  });

  it('updates the config when another version is served, and leaves an up-to-date endpoint alone', async () => {
    const old = fixture<any>('serving-endpoint-ready');
    old.config.served_entities[0].entity_version = '2';
    let served = old;
    ws.server.route('GET', /^\/api\/2\.0\/serving-endpoints\/em-ditto$/, () => ({ body: served }));
    ws.server.route('PUT', /^\/api\/2\.0\/serving-endpoints\/em-ditto\/config$/, () => {
      served = fixture('serving-endpoint-ready');
      return { body: {} };
    });
    expect(await deployServingEndpoint(http(), spec)).toEqual({ version: '3', changed: true });
    expect(await deployServingEndpoint(http(), spec)).toEqual({ version: '3', changed: false });
    expect(ws.server.calls('PUT', /config$/)).toHaveLength(1);
  });

  it('fails when the update fails', async () => {
    ws.server.route('GET', /^\/api\/2\.0\/serving-endpoints\/em-ditto$/, () => ({
      body: {
        ...fixture<any>('serving-endpoint-ready'),
        state: { ready: 'READY', config_update: 'UPDATE_FAILED' },
      },
    }));
    await expect(deployServingEndpoint(http(), spec)).rejects.toThrow(/did not update to .*UPDATE_FAILED/);
  });
});
