import { DDL_FILES, renderSqlStatements } from '@em/sql';
import { describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { applyDdl } from '../src/ddl/apply-ddl.js';

describe('sql/ rendered for DuckDB', () => {
  it('renders every file and executes it twice on a fresh database', async () => {
    const files = DDL_FILES;
    expect(files.map((f) => f.name)).toContain('030_gold_matched_entities.sql');
    for (const file of files) expect(renderSqlStatements(file.text, 'duckdb').length).toBeGreaterThan(0);
    const db = await Database.open(':memory:');
    try {
      await applyDdl(db);
      await applyDdl(db);
      const tables = await db.all<{ name: string }>(
        `SELECT schema_name || '.' || table_name AS name FROM duckdb_tables() UNION ALL
         SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE NOT internal ORDER BY name`,
      );
      expect(tables.map((t) => t.name)).toEqual([
        'bronze.reference_entities',
        'bronze.source_entities',
        'gold.cost_analysis',
        'gold.daily_stats',
        'gold.matched_entities',
        'gold.quarantine',
        'gold.review_decisions',
        'gold.review_queue',
        'ops.runs',
        'silver.name_pair_similarity',
        'silver.normalized_entities',
        'silver.normalized_reference',
      ]);
    } finally {
      db.close();
    }
  });

  it('renders every file for Databricks with the target catalog and nothing cut', () => {
    for (const file of DDL_FILES) {
      const databricks = renderSqlStatements(file.text, 'databricks', { catalog: 'prod' });
      expect(databricks.join('\n'), file.name).not.toMatch(/entity_matching/);
      const dropped = databricks.filter((s) => /^(CREATE|USE) CATALOG/i.test(s)).length;
      expect(renderSqlStatements(file.text, 'duckdb')).toHaveLength(databricks.length - dropped);
    }
  });

  it('computes needs_review and auto_matched from the recorded threshold, never for human decisions', async () => {
    const db = await Database.open(':memory:');
    try {
      await applyDdl(db);
      await db.run(`INSERT INTO gold.matched_entities (source_id, source_system, match_confidence, match_method, auto_match_threshold, cost_usd)
        VALUES ('a', 's', 0.85, 'ditto_matcher', 0.9, 0), ('b', 's', 0.92, 'ditto_matcher', 0.95, 0),
               ('c', 's', 0.95, 'exact_match', 0.9, 0), ('d', 's', 0.0, 'human_review', 0.9, 0)`);
      const rows = await db.all(
        `SELECT source_id, needs_review, auto_matched FROM gold.matched_entities ORDER BY source_id`,
      );
      expect(rows).toEqual([
        { source_id: 'a', needs_review: true, auto_matched: false },
        { source_id: 'b', needs_review: true, auto_matched: false },
        { source_id: 'c', needs_review: false, auto_matched: true },
        { source_id: 'd', needs_review: false, auto_matched: false },
      ]);
      const queue = await db.all(`SELECT source_id FROM gold.review_queue ORDER BY source_id`);
      expect(queue).toEqual([{ source_id: 'a' }, { source_id: 'b' }]);
    } finally {
      db.close();
    }
  });
});
