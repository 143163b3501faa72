import {
  type IdentifierHit,
  type IdentifierQuery,
  type IdentifierScheme,
  normalizeIdentifier,
  type PortCapabilities,
  type ReferenceEntity,
  type ReferenceLookup,
} from '@em/core';
import { exactLookupSql, LOOKUP_QUERY_COLUMNS, rowsParam } from '@em/sql';
import type { Database } from '../db/database.js';

interface HitRow extends ReferenceEntity {
  readonly qi: number;
  readonly scheme: IdentifierScheme;
  readonly value: string;
}

/** The form silver stores validated identifiers in (spaces and hyphens gone, upper case), or null. */
const canonical = (value: string | null): string | null =>
  value === null ? null : normalizeIdentifier(value) || null;

const LOOKUP_SQL = exactLookupSql({ dialect: 'duckdb' });

/**
 * Stage 1 on DuckDB: @em/sql's exact lookup of validated LEI/ISIN/CUSIP against the reference's
 * check-digit-validated identifiers, one statement per batch. A reference row whose identifier
 * failed validation is never hit on it.
 */
export class DuckDbReferenceLookup implements ReferenceLookup {
  readonly capabilities: PortCapabilities = { maxBatchSize: 10_000, maxParallelCalls: 1 };

  constructor(private readonly db: Database) {}

  async lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]> {
    const hits: IdentifierHit[][] = queries.map(() => []);
    const asked = queries
      .map((q, qi) => ({ qi, lei: canonical(q.lei), isin: canonical(q.isin), cusip: canonical(q.cusip) }))
      .filter((q) => q.lei !== null || q.isin !== null || q.cusip !== null);
    if (asked.length === 0) return hits;
    const rows = await this.db.all<HitRow>(
      LOOKUP_SQL,
      { queries: rowsParam(LOOKUP_QUERY_COLUMNS, asked) },
      'exact lookup',
    );
    for (const { qi, scheme, value, ...entity } of rows) {
      hits[qi]!.push({ scheme, value, entity: entity as ReferenceEntity });
    }
    return hits;
  }
}
