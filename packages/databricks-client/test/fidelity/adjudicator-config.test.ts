// The Databricks engine's stage-4 adjudicator is built from the run's config. Before the fix it
// was `createLlmAdjudicator({ transport, model })`: with autoMatchThreshold 0.85 an uncalibrated
// LLM pick was capped at 0.89 (the default threshold's cap) and so auto-matched; llm.budget,
// timeout and concurrency were dropped. The Foundation Model replies come from the fake's chat
// route (OpenAI chat-completions shape, src/__fixtures__/foundation-model-chat.json).

import { CONTRACT_REFERENCE, contractSource } from '@em/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineFor } from '../../src/testing/engine-harness.js';
import { FakeWorkspace } from '../../src/testing/fake-workspace.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
  // Every pair is uncertain, so every source goes to the LLM.
  ws.scorePair = (_left, right) => (right.includes('VAL Koninklijke Ahold Delhaize N.V. ') ? 0.55 : 0.3);
  ws.chat = () => JSON.stringify({ choice: 'IQ88201', confidence: 0.95, reasoning: 'same company' });
});
afterEach(() => ws.close());

const goldRows = () =>
  ws.server
    .calls('POST', /^\/api\/2\.0\/sql\/statements$/)
    .filter((r) => r.body.statement.includes('/* em:gold-merge */'))
    .flatMap((r) => JSON.parse(r.body.parameters.find((p: { name: string }) => p.name === 'rows').value));

const chats = () => ws.server.calls('POST', /databricks-meta-llama-3-3-70b-instruct\/invocations$/);

async function runWith(config: object, sources = [contractSource('s3', 'Ahold Delhaize')]) {
  const engine = engineFor(ws);
  await engine.load('reference', CONTRACT_REFERENCE);
  await engine.load('source', sources);
  return engine.run({ config });
}

describe('the Databricks adjudicator follows the run config', () => {
  it('caps an uncalibrated LLM pick below the configured auto-match threshold (0.85 → 0.84)', async () => {
    await runWith({ autoMatchThreshold: 0.85, llm: { enabled: true } });
    const [row] = goldRows();
    expect(row).toMatchObject({ match_method: 'foundation_model', matched_ciq_id: 'IQ88201' });
    expect(row.match_confidence).toBeCloseTo(0.84, 12);
    expect(row.auto_match_threshold).toBe(0.85);
  });

  it('stops calling the LLM once llm.budget is spent', async () => {
    const sources = ['a', 'b', 'c'].map((id) => contractSource(id, `Ahold Delhaize ${id}`));
    await runWith({ llm: { enabled: true, maxConcurrency: 1, budget: { maxTokens: 100 } } }, sources);
    // The first reply reports 443 tokens (the fixture's usage), so no second call starts.
    expect(chats()).toHaveLength(1);
    const refused = goldRows().filter((r) => /LLM budget exhausted/.test(r.reasoning));
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r.match_confidence).toBeLessThan(0.9);
  });

  it('sends the configured reply size and keeps to llm.maxConcurrency', async () => {
    let inFlight = 0;
    let most = 0;
    ws.server.route('POST', /databricks-meta-llama-3-3-70b-instruct\/invocations$/, async (r) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 60));
      inFlight--;
      return {
        body: {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          model: 'databricks-meta-llama-3-3-70b-instruct',
          choices: [
            { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: ws.chat(r.body) } },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        },
      };
    });
    const sources = ['a', 'b', 'c', 'd'].map((id) => contractSource(id, `Ahold Delhaize ${id}`));
    await runWith({ llm: { enabled: true, maxConcurrency: 1, maxCompletionTokens: 77 } }, sources);
    expect(chats()).toHaveLength(4);
    expect(most).toBe(1);
    expect(chats()[0]!.body.max_tokens).toBe(77);
  });
});
