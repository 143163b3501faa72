import { z } from 'zod';

const optionalText = z.string().nullish().transform((v) => (v === undefined || v === '' ? null : v));

/** One record from a source system, keyed by (source_id, source_system). */
export const SourceEntity = z.object({
  source_id: z.string().min(1),
  source_system: z.string().min(1),
  company_name: z.string().min(1),
  ticker: optionalText,
  lei: optionalText,
  cusip: optionalText,
  isin: optionalText,
  country: optionalText,
  industry: optionalText,
});
export type SourceEntity = z.output<typeof SourceEntity>;

export const sourceKey = (s: { source_id: string; source_system: string }): string =>
  `${s.source_system}\u0000${s.source_id}`;
