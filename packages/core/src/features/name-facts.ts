import { normalizeCompanyName } from '../normalize/index.js';
import { splitTokens } from '../similarity/index.js';

/** What the pair features read of one company name, computed once per distinct name. */
export interface NameFacts {
  readonly raw: string;
  readonly normalized: string;
  /** Base name, or the normalized name when the base is empty. */
  readonly base: string;
  readonly legalForm: string | null;
  readonly tokens: readonly string[];
  /** Tokens made of digits (share classes, series, years), sorted. */
  readonly numbers: readonly string[];
  /** The raw name has letters and none is lower-case (exchange listing style). */
  readonly upperCase: boolean;
}

const MEMO_LIMIT = 4096;
const memo = new Map<string, NameFacts>();

/** Facts of a name (memoized: a source is compared with each of its candidates). */
export function nameFacts(raw: string): NameFacts {
  const hit = memo.get(raw);
  if (hit !== undefined) return hit;
  const n = normalizeCompanyName(raw);
  const base = n.base !== '' ? n.base : n.normalized;
  const tokens = splitTokens(base);
  const facts: NameFacts = {
    raw,
    normalized: n.normalized,
    base,
    legalForm: n.legalForm,
    tokens,
    numbers: tokens.filter((t) => /^\d+$/.test(t)).sort(),
    upperCase: /\p{Lu}/u.test(raw) && !/\p{Ll}/u.test(raw),
  };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, facts);
  return facts;
}
