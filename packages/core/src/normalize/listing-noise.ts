import { expandPhrase } from './legal-forms.js';
import { SequenceTable } from './sequence-table.js';

/**
 * Trailing tokens that describe the listed security rather than the issuer, as exchanges and
 * data vendors print them: "NAM.", "INH.", "VZO", "REG S", "SP.ADR", "ORD SHS", "CLASS B",
 * "Common Shares". Removed only at the end of a name.
 */
const NOISE_PHRASES = [
  // German listing marks: registered, bearer, preferred, ordinary, restricted registered.
  'nam',
  'namens',
  'inh',
  'inhaber',
  'na',
  'vna',
  'vz',
  'vzo',
  'st',
  'aktien',
  'aktie',
  'nom',
  'ps',
  'on',
  // French "actions", Thai non-voting receipts, a truncated "Inc." before a glued par value.
  'act',
  'nvdr',
  'in',
  // Depositary receipts and registration.
  'adr',
  'adrs',
  'ads',
  'gdr',
  'gdrs',
  'gds',
  'cdi',
  'sdr',
  'di',
  'reg',
  'regs',
  'rep',
  'repr',
  'each',
  'sp',
  'spon',
  'spons',
  'sponsored',
  'unsponsored',
  'uns',
  'depositary receipt',
  'depositary receipts',
  'depositary shares',
  'american depositary shares',
  'american depositary receipts',
  'depository receipt',
  'depository receipts',
  'depository shares',
  'american depository shares',
  'american depository receipts',
  'ny reg',
  // Share classes and kinds.
  'ord',
  'ords',
  'shs',
  'sh',
  'shares',
  'ord shs',
  'ordinary shares',
  'common shares',
  'common stock',
  'common share',
  // Trading-currency lines and the US bank form ("Zions Bancorporation, National Association").
  'eur',
  'usd',
  'gbp',
  'national association',
  'cl',
  'class',
  'pfd',
  'pref',
  'preferred',
  'npv',
  'new',
  // Markets and domiciles printed after the name: Thai foreign board, Cayman, Indonesian state.
  'fgn',
  'ky',
  'persero',
  'pers',
  // Dutch bearer shares ("toonder"), unsponsored and preferred receipts.
  'toon',
  'uadr',
  'pf',
] as const;

export const noiseTable = new SequenceTable<true>(
  NOISE_PHRASES.map((phrase) => [expandPhrase(phrase), true] as const),
);

/**
 * Currency codes of German exchange par-value tails ("EO -,25" euro, "DL-,001" US dollar,
 * "LS" sterling, "YC" yuan, "HD" Hong Kong dollar, "SK" Swedish krona, "RP" rupiah, …),
 * optionally glued to the amount ("YC1", "KC100").
 */
const CURRENCY =
  /^(?:eo|dl|ls|yc|hd|zy|dk|ba|sk|nk|sd|rp|ir|rc|uf|kc|sf|cd|is|rl|il|sw|ap|ta|tn|ad|ml|saeo|adl)\d*$/;
/** Security marks glued to a ratio or amount ("ADR1", "REGS1", "NEW5"). */
const MARK_WITH_DIGITS =
  /^(?:(?:adr|adrs|ads|gdr|gds|cdi|reg|regs|new|etp|pfd)\d+|\d+(?:eo|dl|ls|dk|sk|nk|sf|hd|yc))$/;
const DIGITS = /^\d+$/;

/** Single letters are share classes ("A", "-B-", "H" shares) unless they follow "and" ("AT & S"). */
function isShareClass(tokens: readonly string[], at: number): boolean {
  const token = tokens[at]!;
  return token.length === 1 && token >= 'a' && token <= 'z' && tokens[at - 1] !== 'and';
}

/**
 * How many trailing tokens of tokens[start, end) are listing noise; 0 when none.
 * Never consumes the whole window.
 */
export function trailingNoiseLength(tokens: readonly string[], start: number, end: number): number {
  const last = tokens[end - 1]!;
  if (DIGITS.test(last)) {
    // Amounts and ratios: removed only after a currency or a security mark ("DL 1", "ADR 10").
    let from = end - 1;
    while (from > start && DIGITS.test(tokens[from - 1]!)) from--;
    if (from <= start) return 0;
    const before = tokens[from - 1]!;
    if (CURRENCY.test(before)) return from - 1 > start ? end - from + 1 : 0;
    if (
      MARK_WITH_DIGITS.test(before) ||
      noiseTable.matchEnd(tokens, start, from) ||
      isShareClass(tokens, from - 1)
    ) {
      return end - from;
    }
    return 0;
  }
  if (CURRENCY.test(last) && /\d$/.test(last)) return end - 1 > start ? 1 : 0;
  if (MARK_WITH_DIGITS.test(last)) return end - 1 > start ? 1 : 0;
  if (isShareClass(tokens, end - 1)) return end - 1 > start ? 1 : 0;
  return noiseTable.matchEnd(tokens, start, end)?.length ?? 0;
}
