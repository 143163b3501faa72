import {
  type IdentifierHit,
  type IdentifierQuery,
  type IdentifierScheme,
  type PortCapabilities,
  type ReferenceEntity,
  type ReferenceLookup,
  validatedIdentifiers,
} from '@em/core';

const SCHEMES: readonly IdentifierScheme[] = ['lei', 'isin', 'cusip'];

/**
 * Stage 1 from memory, for the match API: the reference rows by check-digit-validated LEI,
 * ISIN and CUSIP (as silver.normalized_reference holds them), so a request needs no database.
 */
export class MemoryReferenceLookup implements ReferenceLookup {
  readonly capabilities: PortCapabilities = { maxBatchSize: 100_000, maxParallelCalls: 1 };
  private readonly byKey = new Map<string, ReferenceEntity[]>();

  constructor(reference: readonly ReferenceEntity[]) {
    for (const row of reference) {
      const ids = validatedIdentifiers(row);
      for (const scheme of SCHEMES) {
        const value = ids[scheme];
        if (value === null) continue;
        const key = `${scheme}:${value}`;
        const list = this.byKey.get(key);
        if (list) list.push(row);
        else this.byKey.set(key, [row]);
      }
    }
  }

  async lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]> {
    return queries.map((q) =>
      SCHEMES.flatMap((scheme) => {
        const value = q[scheme];
        if (value === null) return [];
        return (this.byKey.get(`${scheme}:${value}`) ?? []).map((entity) => ({ scheme, value, entity }));
      }),
    );
  }
}
