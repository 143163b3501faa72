import { z } from 'zod';

/** The truth for one source record. An empty or null `true_ciq_id` means "no true match in the reference". */
export const GoldStandardRow = z
  .object({
    source_id: z.string().min(1),
    source_system: z.string().min(1),
    true_ciq_id: z
      .string()
      .nullish()
      .transform((v) => (v === undefined || v === '' ? null : v)),
  })
  .catchall(z.unknown());
export type GoldStandardRow = z.output<typeof GoldStandardRow>;
