import { validatedIdentifiers } from '../cascade/validated-identifiers.js';
import { legalFormFamily, tickerKey } from '../normalize/index.js';
import type { ScoringPair } from '../ports/pair-scorer.js';
import {
  baseNameSimilarity,
  charNgramJaccard,
  commonTokenPrefixRatio,
  jaroWinkler,
  levenshteinRatio,
  tokenPrefixMatch,
  tokenSetRatio,
  tokenSortRatio,
} from '../similarity/index.js';
import { acronymMatch, agreement, coveredShare, numberAgreement } from './agreement.js';
import { type NameFacts, nameFacts } from './name-facts.js';

interface PairContext {
  readonly pair: ScoringPair;
  readonly s: NameFacts;
  readonly c: NameFacts;
  readonly ids: readonly number[];
}

const ratio = (a: number, b: number): number => (Math.max(a, b) === 0 ? 1 : Math.min(a, b) / Math.max(a, b));
const flag = (b: boolean): number => (b ? 1 : 0);
const finite = (v: number, fallback = 0): number => (Number.isFinite(v) ? v : fallback);

/** Legal forms: 1 same code, 0.5 same family, 0 either missing, -1 different families. */
function legalFormCompatibility(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  const fa = legalFormFamily(a);
  return fa !== null && fa === legalFormFamily(b) ? 0.5 : -1;
}

/** Per scheme (lei, isin, cusip): 1 both valid and equal, -1 both valid and different, 0 otherwise. */
function identifierAgreements(pair: ScoringPair): number[] {
  const s = validatedIdentifiers(pair.source);
  const c = validatedIdentifiers(pair.candidate.entity);
  return (['lei', 'isin', 'cusip'] as const).map((k) => {
    const x = s[k];
    const y = c[k];
    return x === null || y === null ? 0 : x === y ? 1 : -1;
  });
}

/**
 * The company pair features, in order. Each is finite for any input; names are stable
 * (a trained model stores them and refuses a different list).
 */
const FEATURES: readonly (readonly [string, (x: PairContext) => number])[] = [
  ['retrieval_score', (x) => finite(x.pair.candidate.score)],
  ['retrieval_rank', (x) => finite(x.pair.candidate.rank, 99)],
  ['gap_to_top', (x) => finite(x.pair.topScore - x.pair.candidate.score)],
  ['gap_to_next', (x) => finite(x.pair.candidate.score - (x.pair.nextScore ?? 0))],
  ['is_last_candidate', (x) => flag(x.pair.nextScore === null)],
  ['base_equal', (x) => flag(x.s.base === x.c.base && x.s.base !== '')],
  ['normalized_equal', (x) => flag(x.s.normalized === x.c.normalized && x.s.normalized !== '')],
  ['name_similarity', (x) => baseNameSimilarity(x.s.base, x.c.base)],
  ['jaro_winkler_base', (x) => jaroWinkler(x.s.base, x.c.base)],
  ['jaro_winkler_normalized', (x) => jaroWinkler(x.s.normalized, x.c.normalized)],
  ['token_set_ratio', (x) => tokenSetRatio(x.s.base, x.c.base)],
  ['token_sort_ratio', (x) => tokenSortRatio(x.s.base, x.c.base)],
  ['levenshtein_ratio', (x) => levenshteinRatio(x.s.base, x.c.base)],
  ['char_3gram_jaccard', (x) => charNgramJaccard(` ${x.s.base} `, ` ${x.c.base} `, 3)],
  ['common_token_prefix_ratio', (x) => commonTokenPrefixRatio(x.s.base, x.c.base)],
  ['token_prefix_match', (x) => tokenPrefixMatch(x.s.base, x.c.base)],
  ['first_token_equal', (x) => flag(x.s.tokens.length > 0 && x.s.tokens[0] === x.c.tokens[0])],
  [
    'first_token_prefix',
    (x) => {
      const a = x.s.tokens[0] ?? '';
      const b = x.c.tokens[0] ?? '';
      return flag(a !== '' && b !== '' && (a.startsWith(b) || b.startsWith(a)));
    },
  ],
  ['source_tokens_covered', (x) => coveredShare(x.s.tokens, x.c.tokens)],
  ['candidate_tokens_covered', (x) => coveredShare(x.c.tokens, x.s.tokens)],
  ['acronym_match', (x) => acronymMatch(x.s.tokens, x.c.tokens)],
  ['source_token_count', (x) => x.s.tokens.length],
  ['candidate_token_count', (x) => x.c.tokens.length],
  ['length_ratio', (x) => ratio(x.s.base.length, x.c.base.length)],
  ['legal_form_compatibility', (x) => legalFormCompatibility(x.s.legalForm, x.c.legalForm)],
  ['numbers_agreement', (x) => numberAgreement(x.s.numbers, x.c.numbers)],
  ['source_upper_case', (x) => flag(x.s.upperCase)],
  ['candidate_upper_case', (x) => flag(x.c.upperCase)],
  ['country_agreement', (x) => agreement(x.pair.source.country, x.pair.candidate.entity.country)],
  ['industry_agreement', (x) => agreement(x.pair.source.industry, x.pair.candidate.entity.industry)],
  ['ticker_agreement', (x) => agreement(x.pair.source.ticker, x.pair.candidate.entity.ticker)],
  ['lei_agreement', (x) => x.ids[0]!],
  ['isin_agreement', (x) => x.ids[1]!],
  ['cusip_agreement', (x) => x.ids[2]!],
  ['identifier_agreement', (x) => Math.max(...x.ids)],
  ['identifier_conflict', (x) => flag(Math.min(...x.ids) < 0)],
  [
    'ticker_key_agreement',
    (x) => keyAgreement(tickerKey(x.pair.source.ticker), tickerKey(x.pair.candidate.entity.ticker)),
  ],
  ['found_by_name', (x) => flag(channelsOf(x).includes('name'))],
  ['found_by_ticker', (x) => flag(channelsOf(x).includes('ticker'))],
  ['found_by_blocking_key', (x) => flag(channelsOf(x).some((c) => !BUILT_IN_CHANNELS.has(c)))],
  ['channel_count', (x) => channelsOf(x).length],
];

/** Channels every em has; any other channel name is a blocking key from the config. */
const BUILT_IN_CHANNELS = new Set(['name', 'ticker', 'lei', 'isin', 'cusip']);
const channelsOf = (x: PairContext): readonly string[] => x.pair.candidate.channels ?? ['name'];
const keyAgreement = (a: string | null, b: string | null): number =>
  a === null || b === null ? 0 : a === b ? 1 : -1;

export const PAIR_FEATURE_NAMES: readonly string[] = FEATURES.map(([name]) => name);

/** Feature set identifier stored with trained models; bump when features change. */
export const PAIR_FEATURE_SET = `company-pair-v2:${PAIR_FEATURE_NAMES.length}`;

/** Features of one (source, candidate) pair, in `PAIR_FEATURE_NAMES` order. Pure and total. */
export function pairFeatures(pair: ScoringPair): Float64Array {
  const x: PairContext = {
    pair,
    s: nameFacts(pair.source.company_name ?? ''),
    c: nameFacts(pair.candidate.entity.company_name ?? ''),
    ids: identifierAgreements(pair),
  };
  const out = new Float64Array(FEATURES.length);
  for (let i = 0; i < FEATURES.length; i++) out[i] = finite(FEATURES[i]![1](x));
  return out;
}
