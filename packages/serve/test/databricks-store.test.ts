import { parseCascadeConfig } from '@em/core';
import { describe, expect, it } from 'vitest';
import type { ConsoleSql } from '../src/databricks/databricks-sql.js';
import { DatabricksConsoleStore } from '../src/databricks/databricks-store.js';
import { createAccessPolicy, createConsoleApp } from '../src/index.js';

interface Call {
  sql: string;
  params: Record<string, unknown>;
}

/** A SqlClient stand-in: records every statement and answers from `answer` (first match wins). */
function fakeSql(answer: (sql: string) => Record<string, unknown>[] = () => []) {
  const calls: Call[] = [];
  const sql: ConsoleSql = {
    catalog: 'main',
    table: (t) => `main.${t}`,
    all: async <T>(text: string, params: Record<string, unknown>) => {
      calls.push({ sql: text, params });
      return answer(text) as T[];
    },
    run: async (text, params) => {
      calls.push({ sql: text, params });
    },
  };
  return { sql, calls };
}

const decision = {
  decision_id: 'd1',
  source_id: 'S-1',
  source_system: 'CRM',
  decided_by: 'ann@example.com',
  decided_at: '2026-12-06 10:00:00',
  after_ciq_id: 'IQ1',
  undoes: null,
};

describe('the console on Unity Catalog', () => {
  it('decides through the app as the forwarded user: audit entry with the prior row first, then gold; values only as parameters', async () => {
    const hostile = "x'); DROP TABLE main.gold.matched_entities; --";
    const { sql, calls } = fakeSql((text) => {
      if (text.includes('SELECT 1 AS found')) return [{ found: 1 }];
      if (text.includes('SELECT company_name FROM')) return [{ company_name: 'Acme Inc' }];
      if (text.includes('ORDER BY d.decided_at DESC LIMIT 1')) return [decision];
      return [];
    });
    const store = new DatabricksConsoleStore(sql);
    const policy = createAccessPolicy({ mode: 'databricks-app' });
    const app = createConsoleApp({ store, policy, config: parseCascadeConfig({}), matcher: null });
    const res = await app.request('/v1/review/CRM/S-1/decide', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-email': 'ann@example.com' },
      body: JSON.stringify({ ciq_id: 'IQ1', note: hostile }),
    });
    expect(res.status).toBe(200);
    const insert = calls.findIndex((c) => c.sql.includes('INSERT INTO main.gold.review_decisions'));
    const update = calls.findIndex((c) => c.sql.includes('UPDATE main.gold.matched_entities'));
    expect(insert).toBeGreaterThan(-1);
    expect(update).toBeGreaterThan(insert);
    expect(calls[insert]!.sql).toContain('to_json(struct(g.*))');
    expect(calls[insert]!.params).toMatchObject({
      decided_by: 'ann@example.com',
      ciq_id: 'IQ1',
      note: hostile,
    });
    expect(calls[update]!.params.reasoning).toBe(
      `Human review by ann@example.com: match IQ1 (Acme Inc); ${hostile}`,
    );
    for (const call of calls) expect(call.sql).not.toContain('DROP TABLE');
  });

  it('undoes by restoring every stored column from the audit snapshot, cast to its type, as a new entry', async () => {
    const before = {
      matched_ciq_id: 'IQ9',
      match_confidence: 0.42,
      match_method: 'pair_model',
      run_id: null,
    };
    const { sql, calls } = fakeSql((text) => {
      if (text.includes('d.undoes IS NULL'))
        return [
          {
            decision_id: 'd1',
            after_ciq_id: 'IQ1',
            before_row: JSON.stringify(before),
            gold_method: 'human_review',
            gold_ciq_id: 'IQ1',
          },
        ];
      if (text.includes('information_schema.columns'))
        return [
          { column_name: 'matched_ciq_id', full_data_type: 'string' },
          { column_name: 'match_confidence', full_data_type: 'double' },
          { column_name: 'match_method', full_data_type: 'string' },
          { column_name: 'run_id', full_data_type: 'string' },
        ];
      if (text.includes('ORDER BY d.decided_at DESC LIMIT 1'))
        return [{ ...decision, decision_id: 'd2', undoes: 'd1' }];
      return [];
    });
    const record = await new DatabricksConsoleStore(sql).undo({
      source_id: 'S-1',
      source_system: 'CRM',
      decidedBy: 'bob',
    });
    expect(record.undoes).toBe('d1');
    const insert = calls.find((c) => c.sql.includes('INSERT INTO main.gold.review_decisions'))!;
    expect(insert.params).toMatchObject({ undoes: 'd1', after_ciq_id: 'IQ9', decided_by: 'bob' });
    const update = calls.find((c) => c.sql.includes('UPDATE main.gold.matched_entities'))!;
    expect(update.sql).toContain('match_confidence = CAST(:v1 AS double)');
    expect(update.params).toMatchObject({ v0: 'IQ9', v1: '0.42', v2: 'pair_model', v3: null });
  });

  it('adds the audit columns to a review_decisions table made before them', async () => {
    const { sql, calls } = fakeSql((text) =>
      text.includes('information_schema.columns')
        ? [{ column_name: 'decision_id' }, { column_name: 'note' }]
        : [],
    );
    await new DatabricksConsoleStore(sql).prepare();
    expect(calls.at(-1)!.sql).toBe(
      'ALTER TABLE main.gold.review_decisions ADD COLUMNS (before_row STRING, undoes STRING)',
    );
  });
});
