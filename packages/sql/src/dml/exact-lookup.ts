import { type IdentifierScheme, REFERENCE_COLUMNS } from '@em/core';
import { type RowColumns, rowsSource, type SqlTarget, tableName } from './sql-target.js';

/** The batch of identifier queries, bound as the JSON parameter `queries`. */
export const LOOKUP_QUERY_COLUMNS: RowColumns = [
  ['qi', 'INT'],
  ['lei', 'STRING'],
  ['isin', 'STRING'],
  ['cusip', 'STRING'],
];

/**
 * Stage 1 for a whole batch in one statement: the validated LEI/ISIN/CUSIP of each query
 * joined against the reference's check-digit-validated identifiers
 * (silver.normalized_reference), returning `qi, scheme, value` and the bronze reference row.
 */
export function exactLookupSql(target: SqlTarget): string {
  const branch = (scheme: IdentifierScheme) =>
    `SELECT q.qi, '${scheme}' AS scheme, q.${scheme} AS value, ${REFERENCE_COLUMNS.map((f) => `r.${f}`).join(', ')}
  FROM q JOIN ${tableName(target, 'silver.normalized_reference')} n ON n.${scheme} = q.${scheme}
  JOIN ${tableName(target, 'bronze.reference_entities')} r ON r.ciq_id = n.ciq_id`;
  return `/* em:exact-lookup */
WITH q AS (${rowsSource(target, 'queries', LOOKUP_QUERY_COLUMNS)})
${branch('lei')}
UNION ALL ${branch('isin')}
UNION ALL ${branch('cusip')}
ORDER BY qi, scheme, ciq_id`;
}
