import { cusipCheckDigit, isinCheckDigit, leiCheckDigits } from '@em/core/features';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const validIsin = (i: number): string => {
  const first11 = `US${pad(i, 9)}`;
  return first11 + isinCheckDigit(first11);
};
export const validCusip = (i: number): string => {
  const first8 = `9${pad(i, 7)}`;
  return first8 + cusipCheckDigit(first8);
};
export const validLei = (i: number): string => {
  const first18 = `5493${pad(i, 12)}00`;
  return first18 + leiCheckDigits(first18);
};

const WORDS = [
  'Alpha',
  'Boreal',
  'Cobalt',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
];
const FORMS = ['AG', 'Inc.', 'PLC', 'N.V.', 'S.A.', 'Ltd'];

/** Reference row i: a distinct name and valid identifiers. */
export function referenceRow(i: number): Record<string, string | null> {
  const name = `${WORDS[i % 10]} ${WORDS[Math.floor(i / 10) % 10]} ${i} Holdings ${FORMS[i % FORMS.length]}`;
  return {
    ciq_id: `IQ${pad(i, 7)}`,
    company_name: name,
    ticker: `T${i}`,
    lei: i % 4 === 0 ? validLei(i) : null,
    cusip: validCusip(i),
    isin: validIsin(i),
    country: 'United States',
    industry: 'Machinery',
    sector: 'Industrials',
    market_cap: i % 2 === 0 ? 'Small Cap' : String(1000 + i),
  };
}

/**
 * Source row i (system `CRM`): a third carry the reference's ISIN, a third its CUSIP, a third
 * no identifier (undecidable without retrieval), all under a reworded name.
 */
export function sourceRow(i: number): Record<string, string | null> {
  const ref = referenceRow(i);
  return {
    source_id: `S${pad(i, 7)}`,
    source_system: 'CRM',
    company_name: (ref.company_name ?? '').toUpperCase(),
    ticker: ref.ticker ?? null,
    lei: null,
    cusip: i % 3 === 1 ? ref.cusip! : null,
    isin: i % 3 === 0 ? ref.isin! : null,
    country: 'United States',
    industry: 'Machinery',
  };
}

export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
