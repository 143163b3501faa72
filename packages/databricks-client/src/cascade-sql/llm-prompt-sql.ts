import { buildAdjudicationMessages, NO_MATCH_CHOICE } from '@em/core/adjudication';
import { sqlString } from './cascade-sql-dialect.js';
import type { CascadeSqlOptions } from './cascade-sql-options.js';

/** core's system prompt, taken from buildAdjudicationMessages so both engines ask the same question. */
export function adjudicationSystemPrompt(): string {
  const [system] = buildAdjudicationMessages({
    source: {
      source_id: '',
      source_system: '',
      company_name: '',
      ticker: null,
      lei: null,
      isin: null,
      cusip: null,
      country: null,
      industry: null,
    },
    candidates: [],
  });
  return system?.content ?? '';
}

/** `key="value"` (double quotes inside become single ones), or NULL when the value is empty, as core's prompt writes fields. */
const field = (key: string, column: string): string =>
  `CASE WHEN ${column} IS NULL OR trim(CAST(${column} AS STRING)) = '' THEN NULL ELSE concat('${key}="', replace(trim(CAST(${column} AS STRING)), '"', chr(39)), '"') END`;

const fields = (alias: string, pairs: readonly (readonly [string, string])[]): string =>
  `concat_ws(' ', ${pairs.map(([k, c]) => field(k, `${alias}.${c}`)).join(', ')})`;

/**
 * The prompt for one routed source (an aggregate over its scored candidates, grouped by source):
 * core's system prompt, the source record under its key, and one line per candidate, best first.
 */
export function promptExpression(o: CascadeSqlOptions): string {
  const source = fields('p', [
    ['name', 'company_name'],
    ['ticker', 'ticker'],
    ['lei', 'lei_raw'],
    ['isin', 'isin_raw'],
    ['cusip', 'cusip_raw'],
    ['country', 'country'],
    ['industry', 'industry'],
  ]);
  const candidate = `concat('[', r.ciq_id, '] ', ${fields('r', [
    ['name', 'original_name'],
    ['ticker', 'ticker'],
    ['lei', 'lei_raw'],
    ['isin', 'isin_raw'],
    ['cusip', 'cusip_raw'],
    ['country', 'country'],
    ['industry', 'industry'],
    ['sector', 'sector'],
  ])}, printf(' retrieval=%.3f pair=%.3f', c.score, c.pair_score))`;
  return `concat(${sqlString(adjudicationSystemPrompt())}, chr(10), chr(10),
    'Source record (', p.source_system, '/', p.source_id, '): ', MIN(${source}), chr(10),
    'Candidates (', CAST(COUNT(*) AS STRING), ', best first; retrieval = name similarity, pair = pair-model probability of a match):', chr(10),
    ${o.dialect.orderedText(candidate, 'c.pair_rank', 'chr(10)')}, chr(10),
    ${sqlString(`Which candidate is the same company as the source record? Answer "${NO_MATCH_CHOICE}" if none is.`)})`;
}

/** Structured output for ai_query: core's reply schema (the choice cannot be an enum per row in one statement). */
export function responseFormat(): string {
  return JSON.stringify({
    type: 'json_schema',
    json_schema: {
      name: 'entity_match_adjudication',
      schema: {
        type: 'object',
        properties: {
          choice: { type: 'string' },
          confidence: { type: 'number' },
          reasoning: { type: 'string' },
        },
        required: ['choice', 'confidence', 'reasoning'],
        additionalProperties: false,
      },
      strict: true,
    },
  });
}
