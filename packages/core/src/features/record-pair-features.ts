import {
  charNgramJaccard,
  jaroWinkler,
  levenshteinRatio,
  tokenSetRatio,
  tokenSortRatio,
} from '../similarity/index.js';
import { textTokens, tfidfCosine } from './token-idf.js';

/**
 * Pair features for records with arbitrary attributes (the DeepMatcher / Magellan benchmarks):
 * per attribute string, token, TF-IDF, code and number similarities, then the same over the
 * whole record (values joined), which catches values filed under the wrong attribute.
 * -1 marks "not applicable" (an empty side, no numbers). Pure and total.
 */
export type AttributeRecord = Readonly<Record<string, string | null | undefined>>;

/** Quadratic similarities read at most this many characters. */
const MAX_CHARS = 200;

const ATTRIBUTE_FEATURES = [
  'both_empty',
  'one_empty',
  'exact',
  'jaro_winkler',
  'levenshtein_ratio',
  'token_set_ratio',
  'token_sort_ratio',
  'char_3gram_jaccard',
  'token_jaccard',
  'token_containment',
  'tfidf_cosine',
  'code_jaccard',
  'number_jaccard',
  'numeric_relative_difference',
  'length_ratio',
  'first_token_equal',
  'monge_elkan',
  'idf_overlap',
  'in_other_record',
] as const;

const RECORD_FEATURES = [
  'tfidf_cosine',
  'token_jaccard',
  'token_containment',
  'code_jaccard',
  'number_jaccard',
  'token_set_ratio',
  'char_3gram_jaccard',
] as const;

export function recordPairFeatureNames(attributes: readonly string[]): string[] {
  return [
    ...attributes.flatMap((a) => ATTRIBUTE_FEATURES.map((f) => `${a}:${f}`)),
    ...RECORD_FEATURES.map((f) => `record:${f}`),
  ];
}

const uniform = (): number => 1;

export function recordPairFeatures(
  left: AttributeRecord,
  right: AttributeRecord,
  attributes: readonly string[],
  idf: (token: string) => number = uniform,
): Float64Array {
  const out: number[] = [];
  const all = (r: AttributeRecord) => attributes.map((a) => r[a] ?? '').join(' ');
  const wholeA = new Set(textTokens(all(left)));
  const wholeB = new Set(textTokens(all(right)));
  for (const attribute of attributes) {
    out.push(...attributeFeatures(left[attribute] ?? '', right[attribute] ?? '', idf, wholeA, wholeB));
  }
  out.push(...wholeRecordFeatures(all(left), all(right), idf));
  return Float64Array.from(out, (v) => (Number.isFinite(v) ? v : -1));
}

function attributeFeatures(
  rawA: string,
  rawB: string,
  idf: (token: string) => number,
  wholeA: ReadonlySet<string>,
  wholeB: ReadonlySet<string>,
): number[] {
  const a = clean(rawA);
  const b = clean(rawB);
  const ta = textTokens(a);
  const tb = textTokens(b);
  if (ta.length === 0 || tb.length === 0) {
    const na = ATTRIBUTE_FEATURES.length - 3;
    // Even with one side empty, the other side's value may sit elsewhere in the other record.
    const inOther =
      ta.length > 0 ? idfShareIn(ta, wholeB, idf) : tb.length > 0 ? idfShareIn(tb, wholeA, idf) : -1;
    return [
      ta.length === 0 && tb.length === 0 ? 1 : 0,
      ta.length === 0 && tb.length === 0 ? 0 : 1,
      ...new Array(na).fill(-1),
      inOther,
    ];
  }
  const sa = a.slice(0, MAX_CHARS);
  const sb = b.slice(0, MAX_CHARS);
  return [
    0,
    0,
    a === b ? 1 : 0,
    jaroWinkler(sa, sb),
    levenshteinRatio(sa, sb),
    tokenSetRatio(sa, sb),
    tokenSortRatio(sa, sb),
    charNgramJaccard(sa, sb, 3),
    jaccard(ta, tb),
    containment(ta, tb),
    tfidfCosine(ta, tb, idf),
    jaccardOrNone(ta.filter(isCode), tb.filter(isCode)),
    jaccardOrNone(ta.filter(isNumber), tb.filter(isNumber)),
    numericDifference(a, b),
    Math.min(a.length, b.length) / Math.max(a.length, b.length),
    ta[0] !== undefined && ta[0] === tb[0] ? 1 : 0,
    (mongeElkan(ta, tb) + mongeElkan(tb, ta)) / 2,
    idfOverlap(ta, tb, idf),
    (idfShareIn(ta, wholeB, idf) + idfShareIn(tb, wholeA, idf)) / 2,
  ];
}

/** Tokens compared pairwise by Monge–Elkan read at most this many per side. */
const MAX_TOKENS = 30;

/** Mean over a's tokens of the best Jaro–Winkler against b's tokens. */
function mongeElkan(a: readonly string[], b: readonly string[]): number {
  const xs = a.slice(0, MAX_TOKENS);
  const ys = b.slice(0, MAX_TOKENS);
  let sum = 0;
  for (const x of xs) {
    let best = 0;
    for (const y of ys) {
      const s = x === y ? 1 : jaroWinkler(x, y);
      if (s > best) best = s;
      if (best === 1) break;
    }
    sum += best;
  }
  return xs.length === 0 ? 0 : sum / xs.length;
}

/** IDF mass of the shared distinct tokens over the IDF mass of the union. */
function idfOverlap(a: readonly string[], b: readonly string[], idf: (token: string) => number): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  let union = 0;
  for (const t of sa) {
    const w = idf(t);
    union += w;
    if (sb.has(t)) shared += w;
  }
  for (const t of sb) if (!sa.has(t)) union += idf(t);
  return union > 0 ? shared / union : 0;
}

/** IDF-weighted share of `tokens` found anywhere in `other`. */
function idfShareIn(
  tokens: readonly string[],
  other: ReadonlySet<string>,
  idf: (token: string) => number,
): number {
  let found = 0;
  let total = 0;
  for (const t of new Set(tokens)) {
    const w = idf(t);
    total += w;
    if (other.has(t)) found += w;
  }
  return total > 0 ? found / total : 0;
}

function wholeRecordFeatures(rawA: string, rawB: string, idf: (token: string) => number): number[] {
  const a = clean(rawA);
  const b = clean(rawB);
  const ta = textTokens(a);
  const tb = textTokens(b);
  if (ta.length === 0 || tb.length === 0) return new Array(RECORD_FEATURES.length).fill(-1);
  const sa = a.slice(0, MAX_CHARS * 2);
  const sb = b.slice(0, MAX_CHARS * 2);
  return [
    tfidfCosine(ta, tb, idf),
    jaccard(ta, tb),
    containment(ta, tb),
    jaccardOrNone(ta.filter(isCode), tb.filter(isCode)),
    jaccardOrNone(ta.filter(isNumber), tb.filter(isNumber)),
    tokenSetRatio(sa, sb),
    charNgramJaccard(sa, sb, 3),
  ];
}

const clean = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
/** A model or part number: letters and digits mixed, e.g. "lds4821ww". */
const isCode = (t: string): boolean => t.length >= 4 && /\d/.test(t) && /\p{L}/u.test(t);
const isNumber = (t: string): boolean => /^\d+$/.test(t);

function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  const union = sa.size + sb.size - shared;
  return union === 0 ? 0 : shared / union;
}

const jaccardOrNone = (a: readonly string[], b: readonly string[]): number =>
  a.length === 0 || b.length === 0 ? -1 : jaccard(a, b);

/** Shared distinct tokens over the smaller side's distinct tokens. */
function containment(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  const smaller = Math.min(sa.size, sb.size);
  return smaller === 0 ? 0 : shared / smaller;
}

/** |x − y| / max(|x|, |y|) when both texts are numbers (prices, years), else -1. */
function numericDifference(a: string, b: string): number {
  const x = Number(a.replace(/[$,\s]/g, ''));
  const y = Number(b.replace(/[$,\s]/g, ''));
  if (!Number.isFinite(x) || !Number.isFinite(y) || a.trim() === '' || b.trim() === '') return -1;
  const m = Math.max(Math.abs(x), Math.abs(y));
  return m === 0 ? 0 : Math.abs(x - y) / m;
}
