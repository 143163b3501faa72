// The rendered Databricks statements of a daily run, kept as a readable SQL file: a change to the
// generated SQL shows up in review as a diff of that file.
import { parseCascadeConfig } from '@em/core';
import { DITTO_COMPANY_ATTRIBUTES } from '@em/core/text';
import { describe, expect, it } from 'vitest';
import { databricksDialect, renderCascade } from '../../src/cascade-sql/index.js';

const render = (input: Parameters<typeof parseCascadeConfig>[0]) =>
  renderCascade({
    config: parseCascadeConfig(input),
    dialect: databricksDialect,
    tables: {
      silverSources: 'main.silver.normalized_entities',
      silverReference: 'main.silver.normalized_reference',
      gold: 'main.gold.matched_entities',
      runs: 'main.ops.runs',
      nameSimilarity: 'main.silver.name_pair_similarity',
      work: (name) => `main.ops.cascade_${name}`,
    },
    vectorIndex: 'main.silver.reference_index',
    pairEndpoint: 'ditto-matcher',
    pairModelVersion: 'serving:ditto-matcher',
    llmEndpoint: 'databricks-meta-llama-3-3-70b-instruct',
    dittoAttributes: DITTO_COMPANY_ATTRIBUTES,
    full: false,
  });

describe('rendered daily-run statements (Databricks SQL)', () => {
  it('match the snapshot', async () => {
    const run = render({ llm: { enabled: true, budget: { maxUsd: 5 } } });
    const text = [...run.prepare, ...run.decide, ...run.commit]
      .map((s) => `-- ${s.name}\n${s.sql};\n`)
      .join('\n');
    await expect(text).toMatchFileSnapshot('./__snapshots__/daily-run.databricks.sql');
  });

  it('leave out stage 4 when the LLM is off, and never use DuckDB spellings', () => {
    const run = render({});
    const names = [...run.prepare, ...run.decide, ...run.commit].map((s) => s.name);
    expect(names).not.toContain('llm_replies');
    const all = [...run.prepare, ...run.decide, ...run.commit].map((s) => s.sql).join('\n');
    expect(all).not.toMatch(/struct_pack|json_extract_string|string_agg|epoch_ms/);
    expect(all).toMatch(
      /LATERAL \(SELECT \* FROM vector_search\(index => 'main\.silver\.reference_index', query_text => a\.search_text, num_results => 10\)\)/,
    );
  });
});
