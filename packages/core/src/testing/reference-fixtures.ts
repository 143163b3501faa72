// Test data for the cascade's own tests: reference rows with check-digit-valid identifiers.

import type { CascadeConfig } from '../config/cascade-config.js';
import { type CascadeConfigInput, parseCascadeConfig } from '../config/cascade-config.js';
import { cusipCheckDigit, isinCheckDigit, leiCheckDigits } from '../identifiers/index.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { SourceEntity } from '../schemas/source-entity.js';

export interface Identifiers {
  readonly lei: string;
  readonly isin: string;
  readonly cusip: string;
}

/** Valid LEI, ISIN and CUSIP numbered `n` (distinct n → distinct identifiers). */
export function identifiersFor(n: number): Identifiers {
  const lei = `5493${String(n).padStart(14, '0')}`;
  const isin = `US${String(n).padStart(9, '0')}`;
  const cusip = String(n).padStart(8, '0');
  return {
    lei: lei + leiCheckDigits(lei),
    isin: isin + isinCheckDigit(isin),
    cusip: cusip + cusipCheckDigit(cusip),
  };
}

export function referenceEntity(n: number, companyName: string): ReferenceEntity & Identifiers {
  return {
    ciq_id: `IQ${n}`,
    company_name: companyName,
    ticker: null,
    ...identifiersFor(n),
    country: 'US',
    industry: null,
    sector: null,
    market_cap: null,
  };
}

export function sourceEntity(
  sourceId: string,
  companyName: string,
  ids: Partial<Record<'lei' | 'isin' | 'cusip', string>> = {},
): SourceEntity {
  return {
    source_id: sourceId,
    source_system: 'crm',
    company_name: companyName,
    ticker: null,
    lei: ids.lei ?? null,
    isin: ids.isin ?? null,
    cusip: ids.cusip ?? null,
    country: null,
    industry: null,
  };
}

export const ENTITIES = {
  apple: referenceEntity(1, 'Apple Inc.'),
  microsoft: referenceEntity(2, 'Microsoft Corporation'),
  alphabet: referenceEntity(3, 'Alphabet Inc.'),
  railway: referenceEntity(4, 'Canadian National Railway'),
  hospitality: referenceEntity(5, 'Apple Hospitality REIT'),
};

export const REFERENCE: readonly ReferenceEntity[] = Object.values(ENTITIES);

export const config = (input: CascadeConfigInput = {}): CascadeConfig => parseCascadeConfig(input);

/** A scorer from a table keyed `source_id|ciq_id` (default `fallback`). */
export const tableScorer =
  (table: Record<string, number>, fallback = 0) =>
  (pair: { source: { source_id: string }; candidate: { entity: { ciq_id: string } } }): number =>
    table[`${pair.source.source_id}|${pair.candidate.entity.ciq_id}`] ?? fallback;
