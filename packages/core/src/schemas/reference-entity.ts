import { z } from 'zod';

const optionalText = z.string().nullish().transform((v) => (v === undefined || v === '' ? null : v));

/** One row of the reference master (S&P Capital IQ style). */
export const ReferenceEntity = z.object({
  ciq_id: z.string().min(1),
  company_name: z.string().min(1),
  ticker: optionalText,
  lei: optionalText,
  cusip: optionalText,
  isin: optionalText,
  country: optionalText,
  industry: optionalText,
  sector: optionalText,
  /** A number in the guide; a size bucket ("Small Cap") in some vendor files, so kept as text. */
  market_cap: z.union([z.string(), z.number()]).nullish().transform((v) => (v === undefined || v === '' ? null : String(v))),
});
export type ReferenceEntity = z.output<typeof ReferenceEntity>;
