import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { adjudicatedConfidence } from '@em/core/adjudication';
// The Databricks client's own fake workspace and contract data, reused as they are.
import { CONTRACT_REFERENCE, contractSource } from '@em/core/testing';
import { engineFor, FakeWorkspace, PAT } from '@em/databricks-client/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, type OpenEngine, runCli } from '../src/index.js';
import { captureIo, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

/** `em run --engine databricks` must never open the embedded engine. */
const noLocalEngine: OpenEngine = async () => {
  throw new Error('the local engine was opened');
};

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
  // Ditto is sure about Microsoft, unsure about Ahold (→ the Foundation Model), sure nothing else matches.
  ws.scorePair = (_left, right) =>
    right.includes('VAL Microsoft Corporation ')
      ? 0.97
      : right.includes('VAL Koninklijke Ahold Delhaize N.V. ')
        ? 0.55
        : 0.02;
  ws.chat = () =>
    JSON.stringify({ choice: 'IQ88201', confidence: 0.93, reasoning: 'Ahold Delhaize is Koninklijke Ahold' });
});
afterEach(() => ws.close());

const workspaceEnv = (): Record<string, string> => ({
  DATABRICKS_HOST: ws.url,
  DATABRICKS_TOKEN: PAT,
  DATABRICKS_WAREHOUSE_ID: 'wh-fake',
  EM_CATALOG: 'entity_matching',
  EM_VECTOR_SEARCH_INDEX: 'entity_matching.models.reference_index',
  EM_SERVING_ENDPOINT: 'em-ditto',
  EM_FOUNDATION_MODEL: 'databricks-meta-llama-3-3-70b-instruct',
});

/** Tables and a small batch in the fake warehouse, as `em ingest` + the notebooks would leave them. */
async function seedWorkspace(): Promise<void> {
  const engine = engineFor(ws);
  await engine.init();
  await engine.load('reference', CONTRACT_REFERENCE);
  await engine.load('source', [
    contractSource('s1', 'Apple Inc', { isin: 'US0378331005' }),
    contractSource('s2', 'Microsoft Corp'),
    contractSource('s3', 'Ahold Delhaize'),
    contractSource('s4', 'Zyxw Widgets GmbH'),
  ]);
  await engine.close();
  ws.server.requests.length = 0; // keep only what `em run` sends
}

async function em(args: string[], env: Record<string, string>) {
  const dir = tempDir('em-cli-dbx-');
  const config = path.join(dir, 'cascade.json');
  writeFileSync(config, JSON.stringify({ llm: { enabled: true } }));
  const io = captureIo({ cwd: dir, env });
  const code = await runCli(['run', '--engine', 'databricks', '--config', config, ...args], {
    io,
    openEngine: noLocalEngine,
  });
  return { code, out: io.out(), err: io.err() };
}

const statements = (marker: string) =>
  ws.server
    .calls('POST', /^\/api\/2\.0\/sql\/statements$/)
    .filter((r) => String(r.body.statement).includes(`/* em:${marker} */`));

describe('em run --engine databricks against a workspace on a local port', () => {
  it('decides a small batch with every Databricks stage and MERGEs the gold rows as bound parameters', async () => {
    await seedWorkspace();
    const { code, out, err } = await em(['--json'], workspaceEnv());
    expect(code, err).toBe(EXIT.ok);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ command: 'run', engine: 'databricks', processed: 4, noMatch: 1 });
    expect(report.byMethod).toEqual({ exact_match: 1, ditto_matcher: 1, foundation_model: 1, no_match: 1 });

    // Every request carried the token; no output shows it.
    expect(ws.server.requests.every((r) => r.headers.authorization === `Bearer ${PAT}`)).toBe(true);
    expect(out + err).not.toContain(PAT);

    // Stage 1: one set-based SQL join on the warehouse, the batch bound as a parameter.
    const [lookup, ...moreLookups] = statements('exact-lookup');
    expect(moreLookups).toEqual([]);
    expect(lookup!.body.warehouse_id).toBe('wh-fake');
    expect(lookup!.body.statement).not.toContain('US0378331005');
    expect(JSON.stringify(lookup!.body.parameters)).toContain('US0378331005');

    // Stage 2: Vector Search for the three sources stage 1 did not settle.
    const queries = ws.server.calls(
      'POST',
      /^\/api\/2\.0\/vector-search\/indexes\/entity_matching\.models\.reference_index\/query$/,
    );
    expect(queries.map((q) => q.body.query_text).sort()).toEqual([
      'Ahold Delhaize',
      'Microsoft Corp',
      'Zyxw Widgets GmbH',
    ]);

    // Stage 3: all pairs of the batch in one Model Serving call.
    const scored = ws.server.calls('POST', /^\/serving-endpoints\/em-ditto\/invocations$/);
    expect(scored).toHaveLength(1);
    expect(scored[0]!.body.dataframe_records.length).toBeGreaterThan(0);

    // Stage 4: exactly one case went to the Foundation Model.
    const chats = ws.server.calls(
      'POST',
      /^\/serving-endpoints\/databricks-meta-llama-3-3-70b-instruct\/invocations$/,
    );
    expect(chats).toHaveLength(1);
    expect(JSON.stringify(chats[0]!.body.messages)).toContain('Ahold Delhaize');

    // The MERGE into gold.matched_entities: fixed SQL text, the rows in one bound JSON parameter.
    const merges = statements('gold-merge');
    expect(merges).toHaveLength(1);
    const merge = merges[0]!.body;
    expect(merge.statement).toContain('MERGE INTO entity_matching.gold.matched_entities AS t');
    expect(merge.statement).toContain('ON t.source_id = s.source_id AND t.source_system = s.source_system');
    expect(merge.statement).toContain("WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET");
    for (const value of ['s1', 'IQ24937', 'Ahold', 'Zyxw']) expect(merge.statement).not.toContain(value);
    const rowsParam = merge.parameters.find((p: { name: string }) => p.name === 'rows');
    const rows = JSON.parse(rowsParam.value) as Record<string, unknown>[];
    expect(
      rows.map((r) => [r.source_id, r.source_system, r.match_method, r.matched_ciq_id, r.match_confidence]),
    ).toEqual([
      ['s1', 'CRM', 'exact_match', 'IQ24937', 1],
      ['s2', 'CRM', 'ditto_matcher', 'IQ21835', 0.97],
      ['s3', 'CRM', 'foundation_model', 'IQ88201', adjudicatedConfidence(0.93, null, 0.9).confidence],
      ['s4', 'CRM', 'no_match', null, 1],
    ]);
    expect(rows.every((r) => r.run_id === report.runId && r.auto_match_threshold === 0.9)).toBe(true);
    expect(rows[2]).toMatchObject({ llm_calls: 1, llm_prompt_tokens: 412, llm_completion_tokens: 31 });
    expect(JSON.parse(String(rows[2]!.candidates))[0]).toMatchObject({ ciq_id: 'IQ88201', pair_score: 0.55 });

    // The warehouse applied it, and the run log says so.
    expect([...ws.warehouse.gold.values()].map((r) => r.matched_ciq_id)).toEqual([
      'IQ24937',
      'IQ21835',
      'IQ88201',
      null,
    ]);
    expect(ws.warehouse.runs.get(report.runId)).toMatchObject({ status: 'succeeded', rows_processed: 4 });
  });

  it('prints the same report as the local engine, and where the rows went', async () => {
    await seedWorkspace();
    const { code, out, err } = await em([], { ...workspaceEnv(), EM_CATALOG: '' });
    expect(code, err).toBe(EXIT.ok);
    expect(out).toMatch(/^Run [\w-]+: processed 4 source records \(0 unchanged, skipped\)/);
    expect(out).toMatch(/foundation_model\s+█+\s+1\s+25\.0%/);
    expect(out).toContain('Gold rows: entity_matching.gold.matched_entities');
    expect(err).toMatch(/progress stage=run done=4 total=4/);
  });

  it.each([
    [{ DATABRICKS_HOST: '' }, 'DATABRICKS_HOST'],
    [{ DATABRICKS_TOKEN: '' }, 'DATABRICKS_TOKEN'],
    [{ DATABRICKS_TOKEN: '', DATABRICKS_CLIENT_ID: 'sp-client-id' }, 'DATABRICKS_CLIENT_SECRET'],
    [{ DATABRICKS_WAREHOUSE_ID: '' }, 'DATABRICKS_WAREHOUSE_ID'],
  ])('a missing setting (%o) exits 2 naming %s, and sends nothing', async (unset, variable) => {
    const { code, out, err } = await em([], { ...workspaceEnv(), ...unset });
    expect(code).toBe(EXIT.input);
    expect(out).toBe('');
    expect(err).toContain(variable);
    expect(err).not.toContain('internal error');
    expect(ws.server.requests).toEqual([]);
  });

  it('documents the engine choice and every setting it reads in `em run -h`', async () => {
    const io = captureIo();
    expect(await runCli(['run', '-h'], { io })).toBe(EXIT.ok);
    const help = io.out().replace(/\s+/g, ' ');
    expect(help).toContain('--engine <engine>');
    expect(help).toContain('(choices: "local", "databricks", default: "local")');
    for (const variable of [
      'DATABRICKS_HOST',
      'DATABRICKS_TOKEN',
      'DATABRICKS_CLIENT_ID',
      'DATABRICKS_CLIENT_SECRET',
      'DATABRICKS_WAREHOUSE_ID',
      'DATABRICKS_HTTP_PATH',
      'EM_CATALOG',
      'EM_VECTOR_SEARCH_INDEX',
      'EM_SERVING_ENDPOINT',
      'EM_FOUNDATION_MODEL',
    ])
      expect(io.out()).toContain(variable);
    const bad = captureIo();
    expect(await runCli(['run', '--engine', 'spark'], { io: bad })).toBe(EXIT.input);
    expect(bad.err()).toContain('spark');
  });
});
