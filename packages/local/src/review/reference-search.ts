import { normalizeCompanyName, normalizeIdentifier, REFERENCE_COLUMNS, type ReferenceEntity } from '@em/core';
import type { Database } from '../db/database.js';

export interface ReferenceHit extends ReferenceEntity {
  /** What the query agreed with: an identifier or the ticker exactly, else the name. */
  readonly matched_on: 'identifier' | 'ticker' | 'name';
  /** Jaro-Winkler similarity of the normalized names (1 for identifier and ticker hits). */
  readonly score: number;
}

/**
 * Search the whole reference for a company the retriever missed: by LEI, ISIN or CUSIP (as
 * validated in silver), by ticker (case-insensitive), or by name (the normalized query inside
 * the normalized or original name). Identifier and ticker hits first, then names by similarity.
 */
export async function searchReference(db: Database, query: string, limit = 20): Promise<ReferenceHit[]> {
  const text = query.trim();
  if (text === '') return [];
  const { normalized } = normalizeCompanyName(text);
  const identifier = normalizeIdentifier(text) || null;
  return db.all<ReferenceHit>(
    `SELECT ${REFERENCE_COLUMNS.map((c) => `r.${c}`).join(', ')},
       CASE WHEN $2::VARCHAR IS NOT NULL AND (n.lei = $2 OR n.isin = $2 OR n.cusip = $2) THEN 'identifier'
            WHEN upper(r.ticker) = upper($1) THEN 'ticker' ELSE 'name' END AS matched_on,
       CASE WHEN matched_on = 'name' THEN jaro_winkler_similarity(n.normalized_name, $3) ELSE 1.0 END AS score
     FROM bronze.reference_entities r LEFT JOIN silver.normalized_reference n ON n.ciq_id = r.ciq_id
     WHERE ($2::VARCHAR IS NOT NULL AND (n.lei = $2 OR n.isin = $2 OR n.cusip = $2))
        OR upper(r.ticker) = upper($1)
        OR ($3 <> '' AND contains(n.normalized_name, $3))
        OR contains(lower(r.company_name), lower($1))
     ORDER BY CASE matched_on WHEN 'identifier' THEN 0 WHEN 'ticker' THEN 1 ELSE 2 END, score DESC, r.ciq_id
     LIMIT $4`,
    [text, identifier, normalized, limit],
    'reference search',
  );
}
