import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceEntity, ReferenceLookup } from '../../index.js';
import { CONTRACT_REFERENCE } from './contract-data.js';

export interface ReferenceLookupHarness {
  readonly lookup: ReferenceLookup;
  close?(): Promise<void>;
}

const none = { lei: null, isin: null, cusip: null };

/** What every ReferenceLookup must do, whatever engine is behind it. `make` loads the reference it is given. */
export function describeReferenceLookupContract(
  name: string,
  make: (reference: readonly ReferenceEntity[]) => Promise<ReferenceLookupHarness>,
): void {
  describe(`ReferenceLookup contract: ${name}`, () => {
    let harness: ReferenceLookupHarness;
    beforeAll(async () => {
      harness = await make(CONTRACT_REFERENCE);
    });
    afterAll(async () => harness?.close?.());

    it('declares positive capabilities', () => {
      expect(harness.lookup.capabilities.maxBatchSize).toBeGreaterThan(0);
      expect(harness.lookup.capabilities.maxParallelCalls).toBeGreaterThan(0);
    });

    it('returns one list per query, in order, with the full reference row of each hit', async () => {
      const hits = await harness.lookup.lookupByIdentifiers([
        { ...none, isin: 'US5949181045' },
        none,
        { ...none, lei: 'HWUPKR0MPOU8FGXBT394' },
        { ...none, cusip: '999999999' },
      ]);
      expect(hits).toHaveLength(4);
      expect(hits[0]).toEqual([{ scheme: 'isin', value: 'US5949181045', entity: CONTRACT_REFERENCE[1] }]);
      expect(hits[1]).toEqual([]);
      expect(hits[2]!.map((h) => [h.scheme, h.entity.ciq_id])).toEqual([['lei', 'IQ24937']]);
      expect(hits[3]).toEqual([]);
    });

    it('reports every scheme that hits, for one query', async () => {
      const [hits] = await harness.lookup.lookupByIdentifiers([
        { lei: 'HWUPKR0MPOU8FGXBT394', isin: 'US0378331005', cusip: '594918104' },
      ]);
      const found = hits!.map((h) => `${h.scheme}:${h.entity.ciq_id}`).sort();
      expect(found).toEqual(['cusip:IQ21835', 'isin:IQ24937', 'lei:IQ24937']);
    });

    it('matches identifiers in canonical form, however the reference wrote them', async () => {
      const [hits] = await harness.lookup.lookupByIdentifiers([{ ...none, isin: 'DE0007164600' }]);
      expect(hits!.map((h) => h.entity.ciq_id)).toEqual(['IQ35527']);
    });

    it('answers an empty batch with an empty list', async () => {
      expect(await harness.lookup.lookupByIdentifiers([])).toEqual([]);
    });
  });
}
