import { describe, expect, it } from 'vitest';
import { renderSql, renderSqlStatements } from './render-sql.js';

const duck = (sql: string) => renderSqlStatements(sql, 'duckdb');

describe('renderSql for DuckDB', () => {
  it('drops Databricks-only statements', () => {
    const sql = `CREATE CATALOG IF NOT EXISTS entity_matching;
      USE CATALOG entity_matching;
      GRANT USE SCHEMA, SELECT ON SCHEMA entity_matching.gold TO \`bi-users\`;
      REVOKE SELECT ON TABLE entity_matching.gold.x FROM \`a\`;
      OPTIMIZE entity_matching.gold.x;
      CREATE SCHEMA IF NOT EXISTS entity_matching.gold COMMENT 'Matched; entities';`;
    expect(duck(sql)).toEqual(['CREATE SCHEMA IF NOT EXISTS gold']);
  });

  it('cuts Delta clauses and maps types', () => {
    const sql = `CREATE TABLE entity_matching.bronze.t (
      id STRING NOT NULL COMMENT 'the id',
      n LONG,
      ts TIMESTAMP,
      CONSTRAINT pk PRIMARY KEY (id) RELY
    ) USING DELTA
    PARTITIONED BY (id)
    CLUSTER BY (n)
    LOCATION 's3://x/y'
    TBLPROPERTIES ('delta.autoOptimize.optimizeWrite' = 'true', 'a' = '(')`;
    const [out] = duck(sql);
    expect(out).toContain('id VARCHAR NOT NULL,');
    expect(out).toContain('n BIGINT,');
    expect(out).toContain('ts TIMESTAMPTZ,');
    expect(out).toContain('CONSTRAINT pk PRIMARY KEY (id)\n');
    for (const gone of [
      'DELTA',
      'PARTITIONED',
      'CLUSTER',
      'TBLPROPERTIES',
      'COMMENT',
      'LOCATION',
      'RELY',
      'entity_matching',
    ]) {
      expect(out).not.toContain(gone);
    }
    expect(out?.endsWith(')')).toBe(true);
  });

  it('turns generated columns into DuckDB virtual columns, once', () => {
    const [out] = duck(
      'CREATE TABLE t (c DOUBLE, r BOOLEAN GENERATED ALWAYS AS (c < 0.90), s BOOLEAN GENERATED ALWAYS AS (c > 1) VIRTUAL)',
    );
    expect(out).toBe(
      'CREATE TABLE t (c DOUBLE, r BOOLEAN GENERATED ALWAYS AS (c < 0.90) VIRTUAL, s BOOLEAN GENERATED ALWAYS AS (c > 1) VIRTUAL)',
    );
  });

  it('refuses identity columns with a message', () => {
    expect(() => duck('CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY)')).toThrow(/identity/);
  });

  it('leaves string literals, quoted identifiers and non-type uses alone', () => {
    const [out] = duck(
      `CREATE OR REPLACE VIEW entity_matching.gold.v AS SELECT 'STRING; USING DELTA' AS "LONG", x.string AS s, "entity_matching".y FROM entity_matching.gold.t x`,
    );
    expect(out).toBe(
      `CREATE OR REPLACE VIEW gold.v AS SELECT 'STRING; USING DELTA' AS "LONG", x.string AS s, "entity_matching".y FROM gold.t x`,
    );
  });

  it('drops comments and splits on top-level semicolons only', () => {
    expect(duck("-- a; b\nSELECT ';' /* ; */ ; SELECT 2 -- tail")).toEqual(["SELECT ';'", 'SELECT 2']);
  });

  it('joins statements into one script', () => {
    expect(renderSql('SELECT 1; SELECT 2', 'duckdb')).toBe('SELECT 1;\n\nSELECT 2;\n');
  });
});

describe('renderSql for Databricks', () => {
  it('keeps the statement and swaps the catalog', () => {
    const sql = `CREATE CATALOG IF NOT EXISTS entity_matching;
      CREATE TABLE entity_matching.gold.t (a STRING, b BOOLEAN GENERATED ALWAYS AS (a = 'x')) USING DELTA TBLPROPERTIES ('k' = 'v')`;
    expect(renderSqlStatements(sql, 'databricks', { catalog: 'prod_em' })).toEqual([
      'CREATE CATALOG IF NOT EXISTS prod_em',
      "CREATE TABLE prod_em.gold.t (a STRING, b BOOLEAN GENERATED ALWAYS AS (a = 'x')) USING DELTA TBLPROPERTIES ('k' = 'v')",
    ]);
  });

  it('quotes a catalog that is not a plain identifier', () => {
    expect(renderSqlStatements('USE CATALOG entity_matching', 'databricks', { catalog: 'my-cat' })).toEqual([
      'USE CATALOG `my-cat`',
    ]);
  });
});
