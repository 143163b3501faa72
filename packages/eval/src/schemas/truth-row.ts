import { z } from 'zod';
import { idText, optionalText } from './coerce.js';

/**
 * One row of the gold standard: the key, the true reference id (null = the company is
 * not in the reference, so "no match" is right) and any other columns, e.g. a `hard` flag
 * used as a subset. Same meaning as `GoldStandardRow` in @em/core, with ids coerced from
 * typed files (Parquet integers) to text.
 */
export const TruthRow = z
  .object({
    source_id: idText,
    source_system: idText,
    true_ciq_id: optionalText,
  })
  .catchall(z.unknown());
export type TruthRow = z.output<typeof TruthRow>;
