import { z } from 'zod';
import { optionalText } from './company-fields.js';

/** The truth for one source record. An empty or null `true_ciq_id` means "no true match in the reference". */
export const GoldStandardRow = z
  .object({
    source_id: z.string().min(1),
    source_system: z.string().min(1),
    true_ciq_id: optionalText,
  })
  .catchall(z.unknown());
export type GoldStandardRow = z.output<typeof GoldStandardRow>;

/** The columns every gold standard has (others, e.g. a `hard` flag, may follow). */
export const GOLD_STANDARD_COLUMNS = Object.freeze(
  Object.keys(GoldStandardRow.shape),
) as readonly (keyof typeof GoldStandardRow.shape)[];
