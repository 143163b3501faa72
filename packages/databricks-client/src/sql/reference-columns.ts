import type { ReferenceEntity } from '@em/core';

const text = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

/** A row keyed by column name → ReferenceEntity (empty text becomes null, market_cap stays text). */
export function referenceFromRow(row: Readonly<Record<string, unknown>>): ReferenceEntity {
  return {
    ciq_id: String(row.ciq_id),
    company_name: String(row.company_name),
    ticker: text(row.ticker),
    lei: text(row.lei),
    cusip: text(row.cusip),
    isin: text(row.isin),
    country: text(row.country),
    industry: text(row.industry),
    sector: text(row.sector),
    market_cap: text(row.market_cap),
  };
}
