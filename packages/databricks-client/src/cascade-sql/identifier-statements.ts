import { sqlDouble } from './cascade-sql-dialect.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';

/** core's IDENTIFIER_SCHEMES order (lei, isin, cusip): the order hits are listed and hit entities appended. */
const SCHEMES = ['lei', 'isin', 'cusip'] as const;

/**
 * Stage 1, part 1: every (pending source, reference entity) pair that shares a check-digit-valid
 * identifier, as joins on silver's validated columns. One row per (source, scheme, entity).
 */
export function identifierHitsStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables } = o;
  const joins = SCHEMES.map(
    (
      scheme,
      order,
    ) => `SELECT p.source_system, p.source_id, p.company_name AS source_name, '${scheme}' AS scheme, ${order} AS scheme_order, r.ciq_id, r.original_name AS reference_name
FROM ${tables.work('pending')} p JOIN ${tables.silverReference} r ON r.${scheme} = p.${scheme}
WHERE p.${scheme} IS NOT NULL`,
  ).join('\nUNION\n');
  return {
    name: 'identifier_hits',
    sql: `CREATE OR REPLACE TABLE ${tables.work('identifier_hits')} AS\n${joins}`,
  };
}

/**
 * Stage 1, part 2 (core's routeIdentifierHits): per source and hit entity, how many entities its
 * identifiers point to, the entity's place among them (first scheme, then ciq_id: the order
 * core appends hit entities in, given a lookup that returns each scheme's hits by ciq_id), the
 * name similarity (core's nameSimilarity, filled by name-similarity-fill.ts) and the route:
 * 'conflict' (two or more entities), 'exact' (one, names agree), 'untrusted' (one, names disagree).
 */
export function identifierRoutesStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables, config } = o;
  const minSimilarity = sqlDouble(config.identifierTrust.minNameSimilarity);
  const flag = (scheme: string) => `MAX(CASE WHEN scheme = '${scheme}' THEN 1 ELSE 0 END) AS has_${scheme}`;
  return {
    name: 'identifier_routes',
    sql: `CREATE OR REPLACE TABLE ${tables.work('identifier_routes')} AS
WITH entities AS (
  SELECT source_system, source_id, ciq_id, MIN(source_name) AS source_name, MIN(reference_name) AS reference_name,
    MIN(scheme_order) AS first_scheme, ${SCHEMES.map(flag).join(', ')}
  FROM ${tables.work('identifier_hits')}
  GROUP BY source_system, source_id, ciq_id
), counted AS (
  SELECT e.*,
    COUNT(*) OVER (PARTITION BY source_system, source_id) AS entity_count,
    ROW_NUMBER() OVER (PARTITION BY source_system, source_id ORDER BY first_scheme ASC, ciq_id ASC) - 1 AS hit_order
  FROM entities e
)
SELECT c.*, s.name_similarity,
  CASE WHEN c.entity_count >= 2 THEN 'conflict'
       WHEN s.name_similarity >= ${minSimilarity} THEN 'exact'
       ELSE 'untrusted' END AS route,
  concat_ws(' + ', CASE WHEN c.has_lei = 1 THEN 'LEI' END, CASE WHEN c.has_isin = 1 THEN 'ISIN' END, CASE WHEN c.has_cusip = 1 THEN 'CUSIP' END) AS schemes
FROM counted c
LEFT JOIN ${tables.nameSimilarity} s ON s.source_name = c.source_name AND s.reference_name = c.reference_name`,
  };
}
