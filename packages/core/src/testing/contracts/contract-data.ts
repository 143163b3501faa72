import { ReferenceEntity, SourceEntity } from '../../index.js';

/**
 * The reference every contract suite loads. Identifiers carry valid check digits; Siemens' ISIN is
 * stored the way vendor files sometimes write it (lower case, spaced) to check canonicalization.
 */
export const CONTRACT_REFERENCE: readonly ReferenceEntity[] = [
  ref('IQ24937', 'Apple Inc.', {
    ticker: 'AAPL',
    lei: 'HWUPKR0MPOU8FGXBT394',
    cusip: '037833100',
    isin: 'US0378331005',
    country: 'United States',
    industry: 'Technology Hardware',
    sector: 'Information Technology',
    market_cap: 'Mega Cap',
  }),
  ref('IQ21835', 'Microsoft Corporation', {
    ticker: 'MSFT',
    lei: 'INR2EJN1ERAN0W5ZP974',
    cusip: '594918104',
    isin: 'US5949181045',
    country: 'United States',
    industry: 'Software',
    sector: 'Information Technology',
    market_cap: 'Mega Cap',
  }),
  ref('IQ29096', 'Alphabet Inc.', {
    ticker: 'GOOGL',
    lei: '5493006MHB84DD0ZWV18',
    cusip: '02079K305',
    isin: 'US02079K3059',
    country: 'United States',
    industry: 'Interactive Media',
    sector: 'Communication Services',
  }),
  ref('IQ35527', 'Siemens Aktiengesellschaft', {
    ticker: 'SIE',
    isin: 'de 0007164600',
    country: 'Germany',
    industry: 'Industrial Conglomerates',
    sector: 'Industrials',
  }),
  ref('IQ88201', 'Koninklijke Ahold Delhaize N.V.', {
    ticker: 'AD',
    isin: 'NL0011794037',
    country: 'Netherlands',
    industry: 'Food Retail',
    sector: 'Consumer Staples',
  }),
  ref('IQ10001', 'Applied Materials, Inc.', {
    ticker: 'AMAT',
    isin: 'US0382221051',
    country: 'United States',
    industry: 'Semiconductors',
    sector: 'Information Technology',
  }),
];

/** A reference row; columns not given are null (as ReferenceEntity reads them). */
function ref(ciq_id: string, company_name: string, rest: Partial<ReferenceEntity>): ReferenceEntity {
  return ReferenceEntity.parse({ ciq_id, company_name, ...rest });
}

/** A CRM source record; columns not given are null (as SourceEntity reads them). */
export function source(
  source_id: string,
  company_name: string,
  rest: Partial<SourceEntity> = {},
): SourceEntity {
  return SourceEntity.parse({ source_id, source_system: 'CRM', company_name, ...rest });
}
