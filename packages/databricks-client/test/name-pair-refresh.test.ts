// Loading data stores core's nameSimilarity for every new identifier-hit name pair, which the
// set-based cascade's identifier trust reads (silver.name_pair_similarity); each pair once.

import { CONTRACT_REFERENCE, contractSource } from '@em/core/testing';
import { nameSimilarity } from '@em/core/text';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineFor } from '../src/testing/engine-harness.js';
import { FakeWorkspace } from '../src/testing/fake-workspace.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

describe('name-pair similarity on load', () => {
  it('computes the pairs identifier hits bring together, once', async () => {
    const engine = engineFor(ws);
    await engine.load('reference', CONTRACT_REFERENCE);
    const first = await engine.load('source', [
      contractSource('s1', 'Apple Computer', { isin: 'US0378331005' }),
      contractSource('s2', 'No Ids Ltd'),
    ]);
    expect(first.namePairs).toBe(1);
    const [pair] = [...ws.warehouse.namePairs.values()];
    expect(pair).toEqual({
      source_name: 'Apple Computer',
      reference_name: pair!.reference_name,
      name_similarity: nameSimilarity('Apple Computer', String(pair!.reference_name)),
    });
    const again = await engine.load('source', [
      contractSource('s3', 'Apple Computer', { isin: 'US0378331005' }),
    ]);
    expect(again.namePairs).toBe(0);
  });
});
