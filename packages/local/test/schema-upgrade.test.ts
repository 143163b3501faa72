// A database made by the release before schema versions (its DDL from git history, b48275e, with
// rows in every table) opened by this em: refused read-only with the command to run, upgraded
// when opened for writing, every row kept with only the documented values changed.
import { readFileSync } from 'node:fs';
import { LEGACY_MATCH_METHODS } from '@em/core/cascade';
import { renderSqlStatements, SCHEMA_MIGRATIONS, SCHEMA_VERSION } from '@em/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { LocalEngine } from '../src/engine.js';
import { tempDir } from './helpers/files.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Every table of the previous release, with the columns that identify a row. */
const TABLES: Record<string, string> = {
  'bronze.reference_entities': 'ciq_id',
  'bronze.source_entities': 'source_system, source_id',
  'silver.normalized_entities': 'source_system, source_id',
  'silver.normalized_reference': 'ciq_id',
  'silver.name_pair_similarity': 'source_name, reference_name',
  'gold.matched_entities': 'source_system, source_id',
  'gold.quarantine': 'quarantine_id',
  'gold.review_decisions': 'decision_id',
  'ops.runs': 'run_id',
};

type Row = Record<string, unknown>;

async function createPreviousRelease(file: string, options: { withoutAuditColumns?: boolean } = {}) {
  const db = await Database.open(file);
  try {
    for (const sql of ['schema-v1-b48275e.sql', 'rows-v1.sql'])
      for (const statement of renderSqlStatements(fixture(sql), 'duckdb')) await db.run(statement);
    if (options.withoutAuditColumns) {
      // Version 0: the first release, before the audit kept whole rows.
      await db.run('ALTER TABLE gold.review_decisions DROP COLUMN before_row');
      await db.run('ALTER TABLE gold.review_decisions DROP COLUMN undoes');
    }
  } finally {
    db.close();
  }
}

async function snapshot(file: string): Promise<Record<string, Row[]>> {
  const db = await Database.open(file, { access: 'read' });
  try {
    const out: Record<string, Row[]> = {};
    for (const [table, key] of Object.entries(TABLES))
      out[table] = await db.all(`SELECT * FROM ${table} ORDER BY ${key}`);
    return out;
  } finally {
    db.close();
  }
}

const renamed = (method: unknown) =>
  (LEGACY_MATCH_METHODS as Record<string, string>)[String(method)] ?? method;

/** cost_usd after the upgrade: only LLM usage, at the prices of the run that wrote the row. */
const SPENT: Record<string, number> = {
  s1: 0,
  s2: 0,
  s3: (1000 * 0.5 + 100 * 1.5) / 1e6, // r-match-1: default token prices, no per-call price
  s4: 0,
  s5: 0.01 + (500 * 2 + 50 * 8) / 1e6, // r-match-2: a paid LLM at 0.01 per call, 2 / 8 per M tokens
  s6: 0, // no run recorded: default prices, no LLM usage
};

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('opening a database made by the previous release (b48275e)', () => {
  const file = tmp.file('previous-release.duckdb');

  it('refuses a read-only open, naming the command that upgrades it, and changes nothing', async () => {
    await createPreviousRelease(file);
    const before = await snapshot(file);
    const engine = await LocalEngine.open({ dbPath: file, access: 'read' });
    try {
      await expect(engine.stats()).rejects.toThrow(
        `has schema version 1; this em needs version ${SCHEMA_VERSION}. It was opened read-only, so it was not upgraded. Run \`em migrate --db ${file}\``,
      );
    } finally {
      await engine.close();
    }
    expect(await snapshot(file)).toEqual(before);
  });

  it('upgrades it on a writing open: the version, the new shape, and every row kept', async () => {
    const before = await snapshot(file);
    const engine = await LocalEngine.open({ dbPath: file });
    try {
      await engine.stats();
      const versions = await engine.query<{ version: number; name: string }>(
        'SELECT version, name FROM ops.schema_version ORDER BY version',
      );
      expect(versions.map((v) => v.version)).toEqual(
        SCHEMA_MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version),
      );
      expect(Math.max(...versions.map((v) => v.version))).toBe(SCHEMA_VERSION);
      expect(versions.map((v) => v.name)).toContain('neutral_method_names');
      const costColumns = await engine.query<{ column_name: string }>(
        `SELECT column_name FROM duckdb_columns() WHERE schema_name = 'gold' AND table_name = 'cost_analysis' ORDER BY column_index`,
      );
      expect(costColumns.map((c) => c.column_name)).toEqual(
        expect.arrayContaining(['exact_identifier_cost', 'pair_model_cost', 'llm_cost', 'retrieval_cost']),
      );
    } finally {
      await engine.close();
    }

    const after = await snapshot(file);
    for (const table of Object.keys(TABLES)) expect(after[table], table).toHaveLength(before[table]!.length);
    for (const table of [
      'bronze.reference_entities',
      'bronze.source_entities',
      'silver.normalized_entities',
      'silver.normalized_reference',
      'silver.name_pair_similarity',
      'gold.quarantine',
      'ops.runs',
    ])
      expect(after[table], table).toEqual(before[table]);

    // Gold: only the method names and cost_usd change; every decision stays as it was.
    const gold = after['gold.matched_entities']!;
    expect(gold.map((r) => r.match_method)).toEqual([
      'exact_identifier',
      'pair_model',
      'llm',
      'no_match',
      'human_review',
      'retrieval',
    ]);
    gold.forEach((row, i) => {
      const old = before['gold.matched_entities']![i]!;
      expect({ ...row, match_method: old.match_method, cost_usd: old.cost_usd }).toEqual(old);
      expect(row.match_method).toBe(renamed(old.match_method));
      expect(row.cost_usd as number).toBeCloseTo(SPENT[String(row.source_id)]!, 12);
    });

    // The audit: before_method and the method inside before_row renamed (undo restores it), nothing else.
    const audit = after['gold.review_decisions']!;
    expect(audit.map((r) => r.before_method)).toEqual(['pair_model', 'llm', 'human_review']);
    audit.forEach((row, i) => {
      const old = before['gold.review_decisions']![i]!;
      const oldRow = JSON.parse(String(old.before_row));
      expect(JSON.parse(String(row.before_row))).toEqual({
        ...oldRow,
        match_method: renamed(oldRow.match_method),
      });
      expect({ ...row, before_method: old.before_method, before_row: old.before_row }).toEqual(old);
    });
  });

  it('is then current: opening it again applies nothing and changes nothing', async () => {
    const before = await snapshot(file);
    const engine = await LocalEngine.open({ dbPath: file });
    try {
      expect(await engine.migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    } finally {
      await engine.close();
    }
    expect(await snapshot(file)).toEqual(before);
    const reader = await LocalEngine.open({ dbPath: file, access: 'read' });
    try {
      expect((await reader.stats()).counts.total_gold).toBe(6);
    } finally {
      await reader.close();
    }
  });

  it('undo after the upgrade restores the prior row with the renamed method', async () => {
    const engine = await LocalEngine.open({ dbPath: file });
    try {
      await engine.undo({ source_id: 's5', source_system: 'crm', decidedBy: 'test' });
      const [row] = await engine.query<Row>(
        `SELECT match_method, matched_ciq_id, match_confidence FROM gold.matched_entities WHERE source_id = 's5'`,
      );
      expect(row).toEqual({ match_method: 'pair_model', matched_ciq_id: 'IQ2', match_confidence: 0.7 });
    } finally {
      await engine.close();
    }
  });
});

describe('other versions', () => {
  it('a version-0 database (before the audit kept whole rows) gains the audit columns, rows kept', async () => {
    const file = tmp.file('first-release.duckdb');
    await createPreviousRelease(file, { withoutAuditColumns: true });
    const engine = await LocalEngine.open({ dbPath: file });
    try {
      const upgrade = await engine.migrate();
      expect(upgrade).toMatchObject({ from: 0, to: SCHEMA_VERSION });
      expect(upgrade.applied.map((m) => m.version)).toEqual(SCHEMA_MIGRATIONS.map((m) => m.version));
      const audit = await engine.query<Row>(
        'SELECT decision_id, before_method, before_row, undoes FROM gold.review_decisions ORDER BY decision_id',
      );
      expect(audit).toEqual([
        { decision_id: 'd1', before_method: 'pair_model', before_row: null, undoes: null },
        { decision_id: 'd2', before_method: 'llm', before_row: null, undoes: null },
        { decision_id: 'd3', before_method: 'human_review', before_row: null, undoes: null },
      ]);
      expect((await engine.stats()).counts.total_gold).toBe(6);
    } finally {
      await engine.close();
    }
  });

  it('a new database is created at the current version without running migrations', async () => {
    const engine = await LocalEngine.open({ dbPath: ':memory:' });
    try {
      expect(await engine.migrate()).toEqual({ from: null, to: SCHEMA_VERSION, applied: [] });
      expect(await engine.query('SELECT version FROM ops.schema_version')).toEqual([
        { version: SCHEMA_VERSION },
      ]);
    } finally {
      await engine.close();
    }
  });

  it('a database from a newer em is refused, even for writing', async () => {
    const file = tmp.file('newer.duckdb');
    const engine = await LocalEngine.open({ dbPath: file });
    await engine.init();
    await engine.query(`INSERT INTO ops.schema_version VALUES (${SCHEMA_VERSION + 1}, 'future', now())`);
    await engine.close();
    const again = await LocalEngine.open({ dbPath: file });
    try {
      await expect(again.stats()).rejects.toThrow(
        `has schema version ${SCHEMA_VERSION + 1}, newer than this em knows (${SCHEMA_VERSION}): a newer em wrote it. Upgrade em to use it.`,
      );
    } finally {
      await again.close();
    }
  });
});
