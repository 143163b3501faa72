// Opt-in: with EM_LLM_BASE_URL (and EM_LLM_MODEL, EM_LLM_API_KEY as needed) set, ask the real endpoint one case.
import { createLlmAdjudicator } from '@em/core/adjudication';
import { llmEndpoint, resolveLlmSettings } from '@em/core/engine';
import { describe, expect, it } from 'vitest';
import { createOpenAiCompatibleTransport } from '../src/llm/index.js';
import { hardCase } from './llm-fixtures.js';

const env = process.env;
const endpoint = env.EM_LLM_BASE_URL
  ? llmEndpoint(resolveLlmSettings({}, {}, env), env.EM_LLM_API_KEY)
  : null;
if (!endpoint)
  console.warn(
    '[llm-real-endpoint] skipped: set EM_LLM_BASE_URL and EM_LLM_MODEL to run it against a real endpoint.',
  );

describe.skipIf(!endpoint)('LLM adjudicator against the endpoint in EM_LLM_BASE_URL', () => {
  it('decides the Apple case with a candidate id or none, and reports usage', async () => {
    const { baseUrl, model, apiKey } = endpoint!;
    const transport = createOpenAiCompatibleTransport({
      baseUrl,
      apiKey: apiKey ?? undefined,
      timeoutMs: 60_000,
      maxRetries: 2,
    });
    const adjudicator = createLlmAdjudicator({ transport, model, timeoutMs: 120_000 });
    const out = await adjudicator.adjudicate(hardCase);
    console.info(`[llm-real-endpoint] ${model} via ${transport.responseFormat()}:`, JSON.stringify(out));
    expect(out.kind).toBe('decided');
    if (out.kind === 'decided') {
      expect([null, 'IQ1', 'IQ5']).toContain(out.choice);
      expect(out.usage.calls).toBeGreaterThanOrEqual(1);
    }
  });
});
