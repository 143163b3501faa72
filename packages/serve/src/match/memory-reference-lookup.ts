import type {
  IdentifierHit,
  IdentifierQuery,
  IdentifierScheme,
  PortCapabilities,
  ReferenceEntity,
  ReferenceLookup,
} from '@em/core';
import { ReferenceIdentifiers, type ReferenceStore } from '@em/local';

/** In DuckDbReferenceLookup's order (scheme name, then ciq_id: the reference rows are in ciq_id order), so both engines see the same hits. */
const SCHEMES: readonly IdentifierScheme[] = ['cusip', 'isin', 'lei'];

/**
 * Stage 1 from memory, for the match API: the reference rows by check-digit-validated LEI,
 * ISIN and CUSIP (as silver.normalized_reference holds them), so a request needs no database.
 */
export class MemoryReferenceLookup implements ReferenceLookup {
  readonly capabilities: PortCapabilities = { maxBatchSize: 100_000, maxParallelCalls: 1 };
  private readonly identifiers: ReferenceIdentifiers;

  constructor(reference: readonly ReferenceEntity[] | ReferenceStore) {
    this.identifiers = new ReferenceIdentifiers(reference);
  }

  async lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]> {
    return queries.map((q) =>
      SCHEMES.flatMap((scheme) => {
        const value = q[scheme];
        return value === null
          ? []
          : this.identifiers.rowsWith(scheme, value).map((entity) => ({ scheme, value, entity }));
      }),
    );
  }
}
