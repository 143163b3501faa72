import type { AdjudicationRequest } from '../ports/adjudicator.js';
import type { ChatMessage } from '../ports/chat-transport.js';

/** Bumped whenever the prompt or the reply schema changes meaning, so cached answers of old prompts are not reused. */
export const ADJUDICATION_PROMPT_VERSION = 'em-adjudication-v1';

/** The word the model uses for "none of these candidates". */
export const NO_MATCH_CHOICE = 'none';

const SYSTEM_PROMPT = [
  'You decide whether a company record from a source system is the same legal entity as one of a few',
  'candidate companies from a reference master. Weigh the evidence: identifiers (LEI, ISIN, CUSIP, ticker)',
  'that agree are strong evidence; identifiers that disagree are strong evidence against; names may differ',
  'in legal form, abbreviation, language or punctuation; country and industry should agree. A parent,',
  'subsidiary, fund or namesake is NOT the same entity. The scores come from earlier automated stages',
  '(retrieval similarity and a pair model probability) and can be wrong.',
  `Reply with only a JSON object: {"choice": <a candidate id exactly as written in brackets, or "${NO_MATCH_CHOICE}">,`,
  '"confidence": <your probability, 0 to 1, that the choice is right>, "reasoning": <one or two sentences>}.',
].join(' ');

type Candidate = AdjudicationRequest['candidates'][number];

const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === ''
    ? null
    : JSON.stringify(value.replace(/\s+/g, ' ').trim());

const num = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? '-' : value.toFixed(3);

/** `key=value` pairs for the fields that have a value, in a fixed order. */
function fields(pairs: readonly (readonly [string, string | null | undefined])[]): string {
  return pairs
    .map(([key, value]) => [key, text(value)] as const)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

function candidateLine(c: Candidate): string {
  const e = c.entity;
  const described = fields([
    ['name', e.company_name],
    ['ticker', e.ticker],
    ['lei', e.lei],
    ['isin', e.isin],
    ['cusip', e.cusip],
    ['country', e.country],
    ['industry', e.industry],
    ['sector', e.sector],
    ['market_cap', e.market_cap],
  ]);
  const agree = c.identifier_hits.length > 0 ? ` ids_agree=${c.identifier_hits.join(',')}` : '';
  return `[${e.ciq_id}] ${described} retrieval=${num(c.retrieval_score)} pair=${num(c.pair_score)}${agree}`;
}

/**
 * The chat messages for one case: a fixed system prompt, then the source record and the
 * candidates (best first, each under its ciq_id in brackets) as compact `key=value` lines.
 * Deterministic for a given request, so it can key the cache.
 */
export function buildAdjudicationMessages(request: AdjudicationRequest): ChatMessage[] {
  const s = request.source;
  const source = fields([
    ['name', s.company_name],
    ['ticker', s.ticker],
    ['lei', s.lei],
    ['isin', s.isin],
    ['cusip', s.cusip],
    ['country', s.country],
    ['industry', s.industry],
  ]);
  const user = [
    `Source record: ${source}`,
    `Candidates (${request.candidates.length}, best first; retrieval = name similarity, pair = pair-model probability of a match):`,
    ...request.candidates.map(candidateLine),
    `Which candidate is the same company as the source record? Answer "${NO_MATCH_CHOICE}" if none is.`,
  ].join('\n');
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: user },
  ];
}

/**
 * The reply's JSON schema for strict structured output: `choice` is one of the candidate ids or
 * "none". (No `minimum`/`maximum`: several strict implementations reject them; the parser checks the range.)
 */
export function adjudicationJsonSchema(candidateIds: readonly string[]): {
  name: string;
  schema: Record<string, unknown>;
} {
  return {
    name: 'entity_match_adjudication',
    schema: {
      type: 'object',
      properties: {
        choice: { type: 'string', enum: [...candidateIds, NO_MATCH_CHOICE] },
        confidence: { type: 'number' },
        reasoning: { type: 'string' },
      },
      required: ['choice', 'confidence', 'reasoning'],
      additionalProperties: false,
    },
  };
}
