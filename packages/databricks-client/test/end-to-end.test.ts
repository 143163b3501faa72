import { adjudicatedConfidence } from '@em/core/adjudication';
import { CONTRACT_REFERENCE, contractSource } from '@em/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineFor } from '../src/testing/engine-harness.js';
import { FakeWorkspace } from '../src/testing/fake-workspace.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start({ pendingPolls: 1 });
  // The Ditto endpoint: sure about Microsoft, unsure about Ahold (→ the LLM), sure nothing else matches.
  ws.scorePair = (_left, right) =>
    right.includes('VAL Microsoft Corporation ')
      ? 0.97
      : right.includes('VAL Koninklijke Ahold Delhaize N.V. ')
        ? 0.55
        : 0.02;
  ws.chat = () =>
    JSON.stringify({
      choice: 'IQ88201',
      confidence: 0.93,
      reasoning: 'Ahold Delhaize is Koninklijke Ahold Delhaize N.V.',
    });
});
afterEach(() => ws.close());

const sqlCalls = (marker: string) =>
  ws.server
    .calls('POST', /^\/api\/2\.0\/sql\/statements$/)
    .filter((r) => r.body.statement.includes(`/* em:${marker} */`));

describe('runCascade on Databricks, end to end over HTTP', () => {
  it('decides a small batch with every Databricks stage and MERGEs the gold rows', async () => {
    const engine = engineFor(ws);
    const ddl = (await engine.init()).applied;
    expect(
      ddl.some((s) => s.startsWith('CREATE TABLE IF NOT EXISTS entity_matching.gold.matched_entities')),
    ).toBe(true);
    await engine.load('reference', CONTRACT_REFERENCE);
    await engine.load('source', [
      contractSource('s1', 'Apple Inc', { isin: 'US0378331005' }),
      contractSource('s2', 'Microsoft Corp'),
      contractSource('s3', 'Ahold Delhaize'),
      contractSource('s4', 'Zyxw Widgets GmbH'),
    ]);

    const report = await engine.run({ config: { llm: { enabled: true } } });

    expect(report).toMatchObject({ processed: 4, skippedUnchanged: 0, noMatch: 1 });
    expect(report.byMethod).toEqual({ exact_match: 1, ditto_matcher: 1, foundation_model: 1, no_match: 1 });
    // Stage 2: one Vector Search query per source stage 1 did not settle.
    const queries = ws.server.calls(
      'POST',
      /vector-search\/indexes\/entity_matching\.models\.reference_index\/query$/,
    );
    expect(queries.map((q) => q.body.query_text).sort()).toEqual([
      'Ahold Delhaize',
      'Microsoft Corp',
      'Zyxw Widgets GmbH',
    ]);
    expect(queries[0]!.body).toMatchObject({
      num_results: 10,
      query_type: 'HYBRID',
      columns: expect.arrayContaining(['ciq_id', 'company_name']),
    });
    // Stage 3: every pair of the batch in one Serving call, Ditto-serialized.
    const invocations = ws.server.calls('POST', /^\/serving-endpoints\/em-ditto\/invocations$/);
    expect(invocations).toHaveLength(1);
    expect(invocations[0]!.body.dataframe_records[0].left).toMatch(
      /^COL company_name VAL (Microsoft Corp|Ahold Delhaize) COL ticker VAL {2}/,
    );
    // Stage 4: core's LLM adjudicator, one Foundation Model call with a JSON-schema response format.
    const chats = ws.server.calls(
      'POST',
      /^\/serving-endpoints\/databricks-meta-llama-3-3-70b-instruct\/invocations$/,
    );
    expect(chats).toHaveLength(1);
    expect(chats[0]!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: expect.any(String),
        strict: true,
        schema: { required: ['choice', 'confidence', 'reasoning'] },
      },
    });

    // The MERGE the gold table expects, as the warehouse received it.
    const [merge] = sqlCalls('gold-merge');
    expect(merge!.body.statement).toContain(
      "WHEN MATCHED AND t.match_method <> 'human_review' THEN UPDATE SET",
    );
    const rows = JSON.parse(merge!.body.parameters.find((p: { name: string }) => p.name === 'rows').value);
    const view = rows.map((r: Record<string, unknown>) => [
      r.source_id,
      r.match_method,
      r.matched_ciq_id,
      r.match_confidence,
    ]);
    expect(view).toEqual([
      ['s1', 'exact_match', 'IQ24937', 1],
      ['s2', 'ditto_matcher', 'IQ21835', 0.97],
      // Uncalibrated LLM answers are capped below the auto-match threshold (core's policy).
      ['s3', 'foundation_model', 'IQ88201', adjudicatedConfidence(0.93, null, 0.9).confidence],
      ['s4', 'no_match', null, 1], // the retriever looked and found nothing: a confident no-match
    ]);
    const s3 = rows[2];
    expect(s3).toMatchObject({
      llm_calls: 1,
      llm_prompt_tokens: 412,
      llm_completion_tokens: 31,
      run_id: report.runId,
      auto_match_threshold: 0.9,
    });
    expect(s3.content_hash).toBe(ws.warehouse.bronze.source.get('CRM\u0000s3')!.content_hash);
    expect(JSON.parse(s3.candidates)[0]).toMatchObject({ ciq_id: 'IQ88201', pair_score: 0.55 });
    expect(ws.warehouse.runs.get(report.runId)).toMatchObject({ status: 'succeeded', rows_processed: 4 });
  });

  it('reads only new or changed sources on the next run', async () => {
    const engine = engineFor(ws);
    await engine.load('reference', CONTRACT_REFERENCE);
    await engine.load('source', [
      contractSource('s1', 'Apple Inc', { isin: 'US0378331005' }),
      contractSource('s2', 'Microsoft Corp'),
    ]);
    await engine.run();
    const again = await engine.run();
    expect(again).toMatchObject({ processed: 0, skippedUnchanged: 2 });
    await engine.load('source', [contractSource('s2', 'Microsoft Corporation')]);
    const changed = await engine.run();
    expect(changed).toMatchObject({ processed: 1, skippedUnchanged: 1 });
    expect(sqlCalls('gold-merge')).toHaveLength(2);
  });
});
