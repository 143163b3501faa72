import type { TermBlock } from './name-terms.js';

export interface NameIndexOptions {
  /** Relative weight of each term block in the TF-IDF vector. */
  readonly blockWeights: Readonly<Record<TermBlock, number>>;
  /** Added to the cosine of a candidate in the source's country (ranking only when > 0). */
  readonly countryBoost: number;
}

export const DEFAULT_NAME_INDEX_OPTIONS: NameIndexOptions = {
  blockWeights: { g: 1, w: 1, p: 0.5, t: 1 },
  countryBoost: 0.05,
};

const BLOCK_INDEX: Record<string, number> = { g: 0, w: 1, p: 2, t: 3 };
export const blockIndex = (block: string): number => BLOCK_INDEX[block] ?? 0;
export const blockWeightArray = (o: NameIndexOptions): Float64Array =>
  Float64Array.of(o.blockWeights.g, o.blockWeights.w, o.blockWeights.p, o.blockWeights.t);
