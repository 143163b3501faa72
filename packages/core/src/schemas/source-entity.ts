import { z } from 'zod';
import { companyFields } from './company-fields.js';

/** One record from a source system, keyed by (source_id, source_system). */
export const SourceEntity = z.object({
  source_id: z.string().min(1),
  source_system: z.string().min(1),
  ...companyFields,
});
export type SourceEntity = z.output<typeof SourceEntity>;

/** The source columns, in SourceEntity's (and the table's) order. */
export const SOURCE_COLUMNS = Object.freeze(
  Object.keys(SourceEntity.shape),
) as readonly (keyof typeof SourceEntity.shape)[];

export const sourceKey = (s: { source_id: string; source_system: string }): string =>
  `${s.source_system}\u0000${s.source_id}`;
