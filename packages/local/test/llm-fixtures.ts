// Reference rows and one hard case for the stage-4 tests.
import { type AdjudicationRequest, ReferenceEntity, SourceEntity } from '@em/core';

/** A reference row in the US; columns not given are null (as ReferenceEntity reads them). */
const reference = (
  ciq_id: string,
  company_name: string,
  extra: Partial<ReferenceEntity> = {},
): ReferenceEntity => ReferenceEntity.parse({ ciq_id, company_name, country: 'US', ...extra });

export const REFERENCE: readonly ReferenceEntity[] = [
  reference('IQ1', 'Apple Inc.', { ticker: 'AAPL', industry: 'Technology Hardware' }),
  reference('IQ5', 'Apple Hospitality REIT', { ticker: 'APLE', industry: 'Real Estate' }),
  reference('IQ7', 'Pineapple Energy', { ticker: 'PEGY', industry: 'Utilities' }),
];

/** A CRM source record in the US; columns not given are null (as SourceEntity reads them). */
export const source = (
  source_id: string,
  company_name: string,
  extra: Partial<SourceEntity> = {},
): SourceEntity =>
  SourceEntity.parse({ source_id, source_system: 'crm', company_name, country: 'US', ...extra });

export const hardCase: AdjudicationRequest = {
  source: source('s1', 'Apple', { ticker: 'AAPL' }),
  candidates: REFERENCE.slice(0, 2).map((entity, rank) => ({
    ciq_id: entity.ciq_id,
    company_name: entity.company_name,
    rank,
    retrieval_score: 0.5 - rank * 0.2,
    pair_score: 0.6 - rank * 0.2,
    identifier_hits: [],
    entity,
  })),
};
