import { z } from 'zod';

/** Optional text column: missing, null and '' all read as null. */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === '' ? null : v));

/** The descriptive columns a reference row and a source record share, in table order. */
export const companyFields = {
  company_name: z.string().min(1),
  ticker: optionalText,
  lei: optionalText,
  cusip: optionalText,
  isin: optionalText,
  country: optionalText,
  industry: optionalText,
};
