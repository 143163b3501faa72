import { normalizeCompanyName, normalizeIdentifier } from '@em/core';

export type Agreement = 'agree' | 'conflict' | '';

const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** How a candidate's field compares with the source's: highlighted green when equal, red when both are set and differ. */
export function agreement(
  field: string,
  source: string | null | undefined,
  candidate: string | null | undefined,
): Agreement {
  if (!present(source) || !present(candidate)) return '';
  if (field === 'company_name') {
    return normalizeCompanyName(source).base === normalizeCompanyName(candidate).base ? 'agree' : '';
  }
  if (field === 'lei' || field === 'isin' || field === 'cusip') {
    return normalizeIdentifier(source) === normalizeIdentifier(candidate) ? 'agree' : 'conflict';
  }
  if (field === 'industry')
    return source.trim().toLowerCase() === candidate.trim().toLowerCase() ? 'agree' : '';
  return source.trim().toUpperCase() === candidate.trim().toUpperCase() ? 'agree' : 'conflict';
}

/** The fields compared side by side, in the order a reviewer reads them. */
export const COMPARED_FIELDS = [
  'company_name',
  'ticker',
  'lei',
  'isin',
  'cusip',
  'country',
  'industry',
] as const;
