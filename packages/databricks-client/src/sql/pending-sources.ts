import type { SourceEntity } from '@em/core';
import type { SqlClient } from './sql-client.js';

export interface PendingSource extends SourceEntity {
  readonly content_hash: string;
}

/** A source needs deciding when its gold row is missing or decided from another content hash (any, with :full) — never when a human decided it. */
const pendingWhere = `(g.match_method IS NULL OR g.match_method <> 'human_review')
    AND (:full OR g.content_hash IS NULL OR g.content_hash <> s.content_hash)`;

const from = (sql: SqlClient) => `${sql.table('bronze.source_entities')} s
  LEFT JOIN ${sql.table('gold.matched_entities')} g ON g.source_id = s.source_id AND g.source_system = s.source_system`;

export async function countPending(
  sql: SqlClient,
  full: boolean,
): Promise<{ pending: number; total: number }> {
  const [row] = await sql.all<{ pending: unknown; total: unknown }>(
    `/* em:pending-count */
SELECT count_if(${pendingWhere}) AS pending, count(*) AS total
FROM ${from(sql)}`,
    { full },
    'counting sources to match',
  );
  return { pending: Number(row?.pending ?? 0), total: Number(row?.total ?? 0) };
}

export interface PendingCursor {
  readonly sourceSystem: string;
  readonly sourceId: string;
}

/**
 * The next page of sources to decide after `after`, in key order. Keyset paging: writing gold
 * between pages cannot shift the pages, so a run reads each pending source once.
 */
export async function readPendingPage(
  sql: SqlClient,
  options: { full: boolean; after: PendingCursor | null; pageSize: number },
): Promise<PendingSource[]> {
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1)
    throw new RangeError('pageSize must be a positive integer');
  const rows = await sql.all<Record<string, unknown>>(
    `/* em:pending-page */
SELECT s.source_id, s.source_system, s.company_name, s.ticker, s.lei, s.cusip, s.isin, s.country, s.industry, s.content_hash
FROM ${from(sql)}
WHERE ${pendingWhere}
  AND (s.source_system > :after_system OR (s.source_system = :after_system AND s.source_id > :after_id))
ORDER BY s.source_system, s.source_id
LIMIT ${options.pageSize}`,
    {
      full: options.full,
      after_system: options.after?.sourceSystem ?? '',
      after_id: options.after?.sourceId ?? '',
    },
    'reading sources to match',
  );
  const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
  return rows.map((r) => ({
    source_id: String(r.source_id),
    source_system: String(r.source_system),
    company_name: String(r.company_name),
    ticker: text(r.ticker),
    lei: text(r.lei),
    cusip: text(r.cusip),
    isin: text(r.isin),
    country: text(r.country),
    industry: text(r.industry),
    content_hash: String(r.content_hash),
  }));
}
