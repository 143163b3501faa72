import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { keyEquals } from './cascade-sql-options.js';

/**
 * The sources this run decides: silver rows with no gold row or a gold row decided from another
 * content hash (every row with `full`), never one a human decided. One table, so every later
 * statement works on the same set however many rows it holds.
 */
export function pendingStatement(o: CascadeSqlOptions): CascadeStatement {
  const { tables } = o;
  const changed = o.full ? 'true' : '(g.content_hash IS NULL OR g.content_hash <> s.content_hash)';
  return {
    name: 'pending',
    sql: `CREATE OR REPLACE TABLE ${tables.work('pending')} AS
SELECT s.source_system, s.source_id, s.original_name AS company_name, s.search_text,
  s.lei, s.isin, s.cusip, s.ticker, s.lei_raw, s.isin_raw, s.cusip_raw, s.country, s.industry,
  s.identifier_notes, s.content_hash
FROM ${tables.silverSources} s
LEFT JOIN ${tables.gold} g ON ${keyEquals('g', 's')}
WHERE (g.match_method IS NULL OR g.match_method <> 'human_review') AND ${changed}`,
  };
}
