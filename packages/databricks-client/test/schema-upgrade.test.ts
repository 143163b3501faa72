// Unity Catalog tables made by an older em: the engine applies the same sql/migrations/ through
// @em/sql's Databricks rendering (against the fake warehouse), and the rendered text itself runs
// on a real SQL engine (DuckDB with the catalog attached) keeping every row.
import { DuckDBInstance } from '@duckdb/node-api';
import { migrationStatements, renderSqlStatements, SCHEMA_MIGRATIONS, SCHEMA_VERSION } from '@em/sql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineFor } from '../src/testing/engine-harness.js';
import { FakeWorkspace } from '../src/testing/fake-workspace.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

const goldRow = (id: string, method: string) => ({
  source_id: id,
  source_system: 'crm',
  matched_ciq_id: method === 'no_match' ? null : `IQ${id}`,
  match_confidence: 0.7,
  match_method: method,
  content_hash: `h-${id}`,
});

describe('Databricks: tables of the release before schema versions', () => {
  it('init migrates them (both-engine migrations only) before re-creating the views, rows kept', async () => {
    const fake = ws.warehouse;
    fake.existingRelease = 1;
    for (const [id, method] of [
      ['1', 'exact_match'],
      ['2', 'ditto_matcher'],
      ['3', 'foundation_model'],
      ['4', 'no_match'],
      ['5', 'human_review'],
    ] as const)
      fake.gold.set(`crm\u0000${id}`, goldRow(id, method));
    const before = [...fake.gold.values()].map((r) => ({ ...r }));
    const engine = engineFor(ws);
    try {
      await engine.init();
      expect(fake.schemaVersions.map((v) => v.version)).toEqual(
        SCHEMA_MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version),
      );
      expect(Math.max(...fake.schemaVersions.map((v) => v.version))).toBe(SCHEMA_VERSION);
      // 002 runs here; 003 (the embedded engine's cost) is recorded without running a statement.
      expect(
        fake.migrations.every((m) =>
          /^UPDATE entity_matching\.gold\.(matched_entities|review_decisions)/.test(m),
        ),
      ).toBe(true);
      expect(fake.migrations.some((m) => /cost_usd/.test(m))).toBe(false);
      const after = [...fake.gold.values()];
      expect(after.map((r) => r.match_method)).toEqual([
        'exact_identifier',
        'pair_model',
        'llm',
        'no_match',
        'human_review',
      ]);
      expect(after.map((r) => ({ ...r, match_method: null }))).toEqual(
        before.map((r) => ({ ...r, match_method: null })),
      );
      // Views come after the migrations (the cost view names the new methods).
      const viewAt = fake.ddl.findIndex((d) => /VIEW entity_matching\.gold\.cost_analysis/.test(d));
      expect(viewAt).toBeGreaterThan(fake.ddl.findIndex((d) => /ops\.schema_version/.test(d)));
      // Again: nothing more to do.
      const ran = fake.migrations.length;
      expect(await engine.migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
      expect(fake.migrations).toHaveLength(ran);
    } finally {
      await engine.close();
    }
  });

  it('a first-release catalog gains the review audit columns (001) first', async () => {
    ws.warehouse.existingRelease = 0;
    const engine = engineFor(ws);
    try {
      const upgrade = await engine.migrate();
      expect(upgrade).toMatchObject({ from: 0, to: SCHEMA_VERSION });
      expect(ws.warehouse.migrations.slice(0, 2)).toEqual([
        "ALTER TABLE entity_matching.gold.review_decisions\n  ADD COLUMN before_row STRING COMMENT 'The gold row before this entry, as JSON'",
        "ALTER TABLE entity_matching.gold.review_decisions\n  ADD COLUMN undoes STRING COMMENT 'decision_id this undo entry reverts'",
      ]);
    } finally {
      await engine.close();
    }
  });

  it('a new catalog is created at the current version, and a run migrates nothing', async () => {
    const engine = engineFor(ws);
    try {
      await engine.init();
      expect(ws.warehouse.schemaVersions).toEqual([
        { version: SCHEMA_VERSION, name: `created at version ${SCHEMA_VERSION}` },
      ]);
      expect(ws.warehouse.migrations).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it('the Databricks rendering of every migration runs on a SQL engine with the catalog attached, every row kept', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    await db.run(`ATTACH ':memory:' AS prod`);
    await db.run('USE prod');
    // The release-1 shape of the two tables the Databricks migrations touch, rendered by @em/sql.
    const v1 = `CREATE SCHEMA IF NOT EXISTS entity_matching.gold;
      CREATE TABLE entity_matching.gold.matched_entities (source_id STRING NOT NULL, source_system STRING NOT NULL,
        matched_ciq_id STRING, match_confidence DOUBLE NOT NULL, match_method STRING NOT NULL, cost_usd DOUBLE NOT NULL);
      CREATE TABLE entity_matching.gold.review_decisions (decision_id STRING NOT NULL, before_method STRING, before_row STRING);`;
    for (const s of renderSqlStatements(v1, 'duckdb')) await db.run(s);
    await db.run(`INSERT INTO prod.gold.matched_entities VALUES ('1','crm','IQ1',1,'exact_match',0), ('2','crm','IQ2',0.95,'ditto_matcher',0.0011),
      ('3','crm','IQ3',0.8,'foundation_model',0.002), ('4','crm',NULL,0,'no_match',0.0011), ('5','crm','IQ5',1,'human_review',0), ('6','crm','IQ6',0.5,'vector_search',0.0001)`);
    await db.run(
      `INSERT INTO prod.gold.review_decisions VALUES ('d1', 'ditto_matcher', '{"match_method":"ditto_matcher","x":1}'), ('d2', 'human_review', NULL)`,
    );
    const read = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();
    const before = await read('SELECT * FROM prod.gold.matched_entities ORDER BY source_id');
    for (const migration of SCHEMA_MIGRATIONS.filter((m) => m.version > 1))
      for (const statement of migrationStatements(migration, { dialect: 'databricks', catalog: 'prod' }))
        await db.run(statement);
    const after = await read('SELECT * FROM prod.gold.matched_entities ORDER BY source_id');
    expect(after.map((r) => r.match_method)).toEqual([
      'exact_identifier',
      'pair_model',
      'llm',
      'no_match',
      'human_review',
      'retrieval',
    ]);
    expect(after.map((r) => ({ ...r, match_method: null }))).toEqual(
      before.map((r) => ({ ...r, match_method: null })),
    );
    expect(
      await read('SELECT before_method, before_row FROM prod.gold.review_decisions ORDER BY decision_id'),
    ).toEqual([
      { before_method: 'pair_model', before_row: '{"match_method":"pair_model","x":1}' },
      { before_method: 'human_review', before_row: null },
    ]);
    db.closeSync();
    instance.closeSync();
  });
});
