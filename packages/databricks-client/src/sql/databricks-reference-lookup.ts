import {
  type IdentifierHit,
  type IdentifierQuery,
  type IdentifierScheme,
  normalizeIdentifier,
  type PortCapabilities,
  REFERENCE_COLUMNS,
  type ReferenceLookup,
} from '@em/core';
import { type JsonColumns, jsonRowsParam, jsonRowsSource } from './json-rows.js';
import { referenceFromRow } from './reference-columns.js';
import type { SqlClient } from './sql-client.js';

const QUERY_COLUMNS: JsonColumns = [
  ['qi', 'INT'],
  ['lei', 'STRING'],
  ['isin', 'STRING'],
  ['cusip', 'STRING'],
];

/** The form silver stores validated identifiers in (no spaces or hyphens, upper case), or null. */
const canonical = (value: string | null): string | null =>
  value === null ? null : normalizeIdentifier(value) || null;

/** Every identifier hit of a batch in one statement: the batch is one bound JSON parameter, joined three ways. */
export function exactLookupSql(sql: SqlClient): string {
  const branch = (scheme: IdentifierScheme) =>
    `SELECT q.qi, '${scheme}' AS scheme, q.${scheme} AS value, ${REFERENCE_COLUMNS.map((f) => `r.${f}`).join(', ')}
  FROM q JOIN ${sql.table('silver.normalized_reference')} n ON n.${scheme} = q.${scheme}
  JOIN ${sql.table('bronze.reference_entities')} r ON r.ciq_id = n.ciq_id`;
  return `/* em:exact-lookup */
WITH q AS (${jsonRowsSource('queries', QUERY_COLUMNS)})
${branch('lei')}
UNION ALL ${branch('isin')}
UNION ALL ${branch('cusip')}
ORDER BY qi, scheme, ciq_id`;
}

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
    this.statement = exactLookupSql(sql);
  }

  async lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]> {
    const hits: IdentifierHit[][] = queries.map(() => []);
    const asked = queries
      .map((q, qi) => ({ qi, lei: canonical(q.lei), isin: canonical(q.isin), cusip: canonical(q.cusip) }))
      .filter((q) => q.lei !== null || q.isin !== null || q.cusip !== null);
    if (asked.length === 0) return hits;
    const rows = await this.sql.all(
      this.statement,
      { queries: jsonRowsParam(QUERY_COLUMNS, asked) },
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
