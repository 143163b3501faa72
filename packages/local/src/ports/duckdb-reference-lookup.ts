import {
  type IdentifierHit,
  type IdentifierQuery,
  type IdentifierScheme,
  normalizeIdentifier,
  type PortCapabilities,
  REFERENCE_COLUMNS,
  type ReferenceEntity,
  type ReferenceLookup,
} from '@em/core';
import type { Database } from '../db/database.js';
import { jsonColumn } from '../db/sql-params.js';

interface HitRow extends ReferenceEntity {
  readonly qi: number;
  readonly scheme: IdentifierScheme;
  readonly value: string;
}

/** The form silver stores validated identifiers in (spaces and hyphens gone, upper case), or null. */
const canonical = (value: string | null): string | null =>
  value === null ? null : normalizeIdentifier(value) || null;

const branch = (scheme: IdentifierScheme): string =>
  `SELECT q.qi, '${scheme}' AS scheme, q.${scheme} AS value, ${REFERENCE_COLUMNS.map((f) => `r.${f}`).join(', ')}
   FROM q JOIN silver.normalized_reference n ON n.${scheme} = q.${scheme}
   JOIN bronze.reference_entities r ON r.ciq_id = n.ciq_id`;

/** Every identifier hit for a whole batch, in one statement: three hash joins on the validated identifiers. */
const LOOKUP_SQL = `WITH q AS (
    SELECT unnest(from_json($1, '["VARCHAR"]')) AS lei, unnest(from_json($2, '["VARCHAR"]')) AS isin,
           unnest(from_json($3, '["VARCHAR"]')) AS cusip, unnest(range($4::BIGINT)) AS qi)
  ${branch('lei')}
  UNION ALL ${branch('isin')}
  UNION ALL ${branch('cusip')}
  ORDER BY qi, scheme, ciq_id`;

/**
 * Stage 1 on DuckDB: exact lookup of validated LEI/ISIN/CUSIP against the reference's
 * check-digit-validated identifiers (silver.normalized_reference), returning the bronze rows.
 * A reference row whose identifier failed validation is never hit on it.
 */
export class DuckDbReferenceLookup implements ReferenceLookup {
  readonly capabilities: PortCapabilities = { maxBatchSize: 10_000, maxParallelCalls: 1 };

  constructor(private readonly db: Database) {}

  async lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]> {
    const hits: IdentifierHit[][] = queries.map(() => []);
    if (queries.length === 0) return hits;
    const rows = await this.db.all<HitRow>(
      LOOKUP_SQL,
      [
        jsonColumn(queries.map((q) => canonical(q.lei))),
        jsonColumn(queries.map((q) => canonical(q.isin))),
        jsonColumn(queries.map((q) => canonical(q.cusip))),
        queries.length,
      ],
      'exact lookup',
    );
    for (const { qi, scheme, value, ...entity } of rows) {
      hits[qi]!.push({ scheme, value, entity: entity as ReferenceEntity });
    }
    return hits;
  }
}
