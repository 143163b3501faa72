import { z } from 'zod';
import type { ChatMessage } from '../ports/chat-transport.js';
import { ADJUDICATION_PROMPT_VERSION } from './adjudication-prompt.js';
import { sha256Hex } from './sha256.js';

/** A decided answer as cached: the model's own confidence, before calibration (applied on every read). */
export const CachedAdjudication = z.object({
  choice: z.string().nullable(),
  statedConfidence: z.number().min(0).max(1),
  reasoning: z.string(),
  modelVersion: z.string(),
  /** What the first answer cost; a cache hit itself costs nothing. */
  usage: z.object({
    calls: z.number().nonnegative(),
    promptTokens: z.number().nonnegative(),
    completionTokens: z.number().nonnegative(),
  }),
});
export type CachedAdjudication = z.output<typeof CachedAdjudication>;

/**
 * Where decided adjudications are kept between runs, keyed by `adjudicationCacheKey`. Failures
 * are never cached (a re-run tries them again). Engines supply a durable one (a JSONL file, a table).
 */
export interface AdjudicationCache {
  get(key: string): Promise<CachedAdjudication | undefined>;
  set(key: string, value: CachedAdjudication): Promise<void>;
}

/** SHA-256 of (prompt version, model, messages): the same case asked of the same model hits the cache. */
export function adjudicationCacheKey(model: string, messages: readonly ChatMessage[]): string {
  const material = JSON.stringify([
    ADJUDICATION_PROMPT_VERSION,
    model,
    messages.map((m) => [m.role, m.content]),
  ]);
  return sha256Hex(material);
}

/** A cache in a Map: for one process (tests, notebooks, a single `em run`). */
export function createInMemoryAdjudicationCache(): AdjudicationCache & { readonly size: () => number } {
  const entries = new Map<string, CachedAdjudication>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
    size: () => entries.size,
  };
}
