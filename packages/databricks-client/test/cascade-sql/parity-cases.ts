// Generated cases for the decision-parity test: a small reference with look-alike names and
// shared identifiers (for conflicts), sources with valid / corrupt / junk identifiers, retrieval
// lists with ties and duplicates, pair scores on and around every threshold (and out of range,
// NaN), and LLM replies of every shape core's parser distinguishes.
import type { ReferenceEntity, SourceEntity } from '@em/core';
import { cusipCheckDigit, isinCheckDigit, leiCheckDigits, seededRandom } from '@em/core/features';
import type { ParityCase } from './parity-harness.js';

const NAMES = [
  'Apple Inc.',
  'Apple Hospitality REIT',
  'Microsoft Corporation',
  'Alphabet Inc.',
  'Canadian National Railway',
  'Banco Santander SA',
  'Siemens AG',
  'Toyota Motor Corp',
  'Nano Dimension Ltd',
  'Wal-Mart Stores Inc',
  'Bank of New York Mellon Corp',
  'Hannon Armstrong Sustainable',
];

function ids(n: number) {
  const lei = `5493${String(n).padStart(14, '0')}`;
  const isin = `US${String(n).padStart(9, '0')}`;
  const cusip = String(n).padStart(8, '0');
  return {
    lei: lei + leiCheckDigits(lei),
    isin: isin + isinCheckDigit(isin),
    cusip: cusip + cusipCheckDigit(cusip),
  };
}

/** 12 entities; IQ12 shares IQ11's ISIN and IQ10 shares IQ9's CUSIP, so lookups can conflict. */
export const PARITY_REFERENCE: readonly ReferenceEntity[] = NAMES.map((name, i) => {
  const own = ids(i + 1);
  const shared = i === 11 ? { ...own, isin: ids(11).isin } : i === 9 ? { ...own, cusip: ids(9).cusip } : own;
  return {
    ciq_id: `IQ${i + 1}`,
    company_name: name,
    ticker: null,
    ...shared,
    country: 'US',
    industry: i % 2 === 0 ? 'Tech' : null,
    sector: null,
    market_cap: null,
  };
});

/** A small deterministic PRNG (core's mulberry32), so a failure reproduces from its seed. */
export const random = seededRandom;

const SOURCE_NAMES = [
  ...NAMES,
  'Apple',
  'APPLE INC',
  'Siemens',
  'Zzyzx Holdings',
  'Walmart Stores',
  'NanoDimension',
  'Bank NY Mellon',
  'Hann Arm Sus',
  'Microsoft Corp.',
  'Toyota',
  'Santander',
];

const SCORES = [0, 0.05, 0.1, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.89, 0.9, 0.95, 1, -0.2, 1.3, Number.NaN];

function identifier(rand: () => number, scheme: 'lei' | 'isin' | 'cusip'): string | null {
  const roll = rand();
  if (roll < 0.55) return null;
  const entity = PARITY_REFERENCE[Math.floor(rand() * PARITY_REFERENCE.length)]!;
  const value = entity[scheme]!;
  if (roll < 0.85) return rand() < 0.2 ? value.toLowerCase() : value;
  if (roll < 0.95) return value.slice(0, -1) + String((Number(value.at(-1)) + 1) % 10);
  return 'JUNK-123';
}

function reply(rand: () => number, candidates: readonly string[]): ParityCase['reply'] {
  const some = candidates[Math.floor(rand() * candidates.length)] ?? 'IQ1';
  const conf = [0.95, 0.5, 0.89, 0.2, 85, '0.7', -1, 250, ' 0.6 ', 'high'][Math.floor(rand() * 10)];
  const confText = typeof conf === 'string' ? JSON.stringify(conf) : String(conf);
  const shapes: (() => ParityCase['reply'])[] = [
    () => ({ text: `{"choice": "${some}", "confidence": ${confText}, "reasoning": "same company"}` }),
    () => ({ text: `{"choice": "none", "confidence": ${confText}, "reasoning": "no candidate fits"}` }),
    () => ({ text: `{"choice": null, "confidence": ${confText}}` }),
    () => ({
      text: `{"choice": "${some.toLowerCase()}", "confidence": ${confText}, "reasoning": "case differs"}`,
    }),
    () => ({ text: `{"choice": "[${some}]", "confidence": ${confText}, "reasoning": "bracketed"}` }),
    () => ({ text: `{"choice": "IQ99", "confidence": ${confText}, "reasoning": "outside the candidates"}` }),
    () => ({
      text: `Here you go:\n\`\`\`json\n{"choice": "${some}", "confidence": ${confText}, "reasoning": "fenced",}\n\`\`\``,
    }),
    () => ({ text: `I think {"choice": "${some}", "confidence": ${confText}} is right.` }),
    () => ({ text: 'I cannot decide.' }),
    () => ({ text: '' }),
    () => ({ text: `{"choice": 7, "confidence": 0.9}` }),
    () => ({ text: `{"choice": "${some}"}` }),
    () => ({ text: `{"choice": "${some}", "confidence": 0.9, "reasoning": 3}` }),
    () => ({ text: `["${some}"]` }),
    () => ({ error: 'Endpoint returned 429 after retries' }),
    () => ({ text: `{"choice": "No Match", "confidence": ${confText}, "reasoning": "none fits"}` }),
  ];
  return shapes[Math.floor(rand() * shapes.length)]!();
}

/** `count` cases from `seed`; source ids are unique, tickers too (the harness keys replies on them). */
export function parityCases(seed: number, count: number, topK: number): ParityCase[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const cases: ParityCase[] = [];
  for (let i = 0; i < count; i++) {
    const source: SourceEntity = {
      source_id: `S${seed}-${i}`,
      source_system: rand() < 0.5 ? 'crm' : 'vendor',
      company_name: pick(SOURCE_NAMES),
      ticker: `T${seed}${i}`,
      lei: identifier(rand, 'lei'),
      isin: identifier(rand, 'isin'),
      cusip: identifier(rand, 'cusip'),
      country: rand() < 0.5 ? 'US' : null,
      industry: null,
    };
    const n = Math.floor(rand() * (topK + 1));
    const retrieved = Array.from({ length: n }, () => ({
      ciqId: pick(PARITY_REFERENCE).ciq_id,
      score: pick([0.9, 0.8, 0.8, 0.5, Math.round(rand() * 1000) / 1000]),
    }));
    const pairScores: Record<string, number> = {};
    for (const e of PARITY_REFERENCE) pairScores[e.ciq_id] = pick(SCORES);
    const candidates = [...new Set(retrieved.map((r) => r.ciqId))];
    cases.push({ source, retrieved, pairScores, reply: reply(rand, candidates) });
  }
  return cases;
}
