import {
  type IdentifierHit,
  type IdentifierQuery,
  type IdentifierScheme,
  normalizeIdentifier,
  type PortCapabilities,
  type ReferenceLookup,
} from '@em/core';
import { exactLookupSql, LOOKUP_QUERY_COLUMNS, rowsParam } from '@em/sql';
import { referenceFromRow } from './reference-columns.js';
import type { SqlClient } from './sql-client.js';

/** The form silver stores validated identifiers in (no spaces or hyphens, upper case), or null. */
const canonical = (value: string | null): string | null =>
  value === null ? null : normalizeIdentifier(value) || null;

/**
 * Stage 1 on Unity Catalog: validated LEI/ISIN/CUSIP joined against the reference's validated
 * identifiers (silver.normalized_reference), returning the bronze reference rows.
 */
export class DatabricksReferenceLookup implements ReferenceLookup {
  readonly capabilities: PortCapabilities;
  private readonly statement: string;

  constructor(
    private readonly sql: SqlClient,
    capabilities: Partial<PortCapabilities> = {},
  ) {
    this.capabilities = { maxBatchSize: 2_000, maxParallelCalls: 2, ...capabilities };
    this.statement = exactLookupSql(sql.target);
  }

  async lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]> {
    const hits: IdentifierHit[][] = queries.map(() => []);
    const asked = queries
      .map((q, qi) => ({ qi, lei: canonical(q.lei), isin: canonical(q.isin), cusip: canonical(q.cusip) }))
      .filter((q) => q.lei !== null || q.isin !== null || q.cusip !== null);
    if (asked.length === 0) return hits;
    const rows = await this.sql.all(
      this.statement,
      { queries: rowsParam(LOOKUP_QUERY_COLUMNS, asked) },
      'exact lookup',
    );
    for (const row of rows) {
      const qi = Number(row.qi);
      hits[qi]?.push({
        scheme: row.scheme as IdentifierScheme,
        value: String(row.value),
        entity: referenceFromRow(row),
      });
    }
    return hits;
  }
}
