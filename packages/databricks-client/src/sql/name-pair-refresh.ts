import { type RowColumns, rowsParam, rowsSource } from '@em/sql';
import { computeNamePairs } from '../cascade-sql/name-similarity-fill.js';
import type { SqlClient } from './sql-client.js';

const COLUMNS: RowColumns = [
  ['source_name', 'STRING'],
  ['reference_name', 'STRING'],
  ['name_similarity', 'DOUBLE'],
];

/**
 * The name pairs of identifier hits (a source and a reference row sharing a valid LEI, ISIN or
 * CUSIP in silver) that have no similarity yet. The set-based cascade reads core's
 * nameSimilarity for these from silver.name_pair_similarity; no SQL function computes it the same.
 */
export function missingIdentifierPairsSql(sql: SqlClient, limit: number): string {
  const s = sql.table('silver.normalized_entities');
  const r = sql.table('silver.normalized_reference');
  const x = sql.table('silver.name_pair_similarity');
  return `/* em:name-pairs-missing */
SELECT DISTINCT s.original_name AS source_name, r.original_name AS reference_name
FROM ${s} s JOIN ${r} r ON r.lei = s.lei OR r.isin = s.isin OR r.cusip = s.cusip
WHERE NOT EXISTS (SELECT 1 FROM ${x} x WHERE x.source_name = s.original_name AND x.reference_name = r.original_name)
ORDER BY source_name, reference_name
LIMIT ${limit}`;
}

export function namePairsMergeSql(sql: SqlClient): string {
  return `/* em:name-pairs-merge */
MERGE INTO ${sql.table('silver.name_pair_similarity')} AS t
USING (${rowsSource(sql.target, 'rows', COLUMNS)}) AS s
ON t.source_name = s.source_name AND t.reference_name = s.reference_name
WHEN NOT MATCHED THEN INSERT (source_name, reference_name, name_similarity) VALUES (s.source_name, s.reference_name, s.name_similarity)`;
}

/**
 * Compute and store the similarity of every identifier-hit name pair that has none (paged; each
 * pair once ever, since a pair's similarity never changes). Returns how many were added.
 */
export async function refreshNamePairSimilarity(
  sql: SqlClient,
  options: { pageSize?: number } = {},
): Promise<number> {
  const pageSize = options.pageSize ?? 5_000;
  let added = 0;
  for (;;) {
    const pairs = await sql.all<Record<string, unknown>>(
      missingIdentifierPairsSql(sql, pageSize),
      {},
      'finding identifier-hit name pairs without a similarity',
    );
    if (pairs.length === 0) return added;
    await sql.run(
      namePairsMergeSql(sql),
      { rows: rowsParam(COLUMNS, computeNamePairs(pairs)) },
      'writing name-pair similarities',
    );
    added += pairs.length;
    if (pairs.length < pageSize) return added;
  }
}
