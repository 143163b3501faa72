import type {
  IdentifierHit,
  IdentifierQuery,
  IdentifierScheme,
  PortCapabilities,
  ReferenceEntity,
  ReferenceLookup,
} from '@em/core';
import type { ReferenceRows } from '../reference/reference-rows.js';
import { ReferenceIdentifiers } from './reference-identifiers.js';

/** In DuckDbReferenceLookup's order (scheme name, then ciq_id), so both engines see the same hits. */
const SCHEMES: readonly IdentifierScheme[] = ['cusip', 'isin', 'lei'];

const byCiqId = (a: ReferenceEntity, b: ReferenceEntity): number =>
  a.ciq_id < b.ciq_id ? -1 : a.ciq_id > b.ciq_id ? 1 : 0;

/**
 * Stage 1 from memory: the reference rows by check-digit-validated LEI, ISIN and CUSIP (as
 * silver.normalized_reference holds them), so a lookup needs no database. Used by the match
 * API and by training's comparison of two models on a gold standard.
 */
export class MemoryReferenceLookup implements ReferenceLookup {
  readonly capabilities: PortCapabilities = { maxBatchSize: 100_000, maxParallelCalls: 1 };
  private readonly identifiers: ReferenceIdentifiers;

  constructor(reference: readonly ReferenceEntity[] | ReferenceRows) {
    this.identifiers = new ReferenceIdentifiers(reference);
  }

  async lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]> {
    return queries.map((q) =>
      SCHEMES.flatMap((scheme) => {
        const value = q[scheme];
        if (value === null) return [];
        // Rows sharing one identifier in ciq_id order, whatever order the reference came in.
        const rows = this.identifiers.rowsWith(scheme, value);
        return (rows.length > 1 ? [...rows].sort(byCiqId) : rows).map((entity) => ({
          scheme,
          value,
          entity,
        }));
      }),
    );
  }
}
