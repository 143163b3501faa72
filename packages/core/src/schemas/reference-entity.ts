import { z } from 'zod';
import { companyFields, optionalText } from './company-fields.js';

/** One row of the reference master (S&P Capital IQ style). */
export const ReferenceEntity = z.object({
  ciq_id: z.string().min(1),
  ...companyFields,
  sector: optionalText,
  /** A number in the guide; a size bucket ("Small Cap") in some vendor files, so kept as text. */
  market_cap: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : String(v))),
});
export type ReferenceEntity = z.output<typeof ReferenceEntity>;

/** The reference columns, in ReferenceEntity's (and the table's) order. */
export const REFERENCE_COLUMNS = Object.freeze(
  Object.keys(ReferenceEntity.shape),
) as readonly (keyof typeof ReferenceEntity.shape)[];
