import { expandAbbreviation } from './abbreviations.js';
import { splitCjkLegalForms } from './cjk-legal-forms.js';
import { foldText, NON_ASCII } from './fold-text.js';
import { legalFormTable, PREFIX_LEGAL_FORMS } from './legal-forms.js';
import { trailingNoiseLength } from './listing-noise.js';
import { tokenizeName } from './tokenize-name.js';

export interface NormalizedName {
  /** Full normalized name, legal form kept as its canonical code (e.g. "siemens ag"). */
  readonly normalized: string;
  /** The name without legal form, listing noise or share-class marks (e.g. "siemens"). */
  readonly base: string;
  /** Canonical legal-form code ("ag", "inc", "plc", …) or null. */
  readonly legalForm: string | null;
}

/** Words dropped wherever they stand ("Bank of America" reads like "BANK AMERICA"). */
const STOPWORDS: ReadonlySet<string> = new Set(['the', 'of']);
/** Listing names that repeat themselves after the legal form are short; bound the scan. */
const REPEAT_SCAN = 12;

/**
 * Normalizes a company name for matching: folds Unicode, case and punctuation, expands listing
 * abbreviations, strips listing noise and separates the legal form. Output words are lower-case
 * letters (any script; Latin and Greek without diacritics) and digits, single-spaced.
 * Total (never throws) and idempotent on both `normalized` and `base`.
 */
export function normalizeCompanyName(name: string): NormalizedName {
  const folded = foldText(name);
  let tokens = prepareTokens(tokenizeName(folded), NON_ASCII.test(folded));
  for (let round = 0; ; round++) {
    const { start, end, legalForm } = stripName(tokens);
    const base = tokens.slice(start, end);
    if (legalForm === null) return { normalized: base.join(' '), base: base.join(' '), legalForm };
    // `normalized` must read back the same: when the base's last words and the code form a
    // longer legal form ("inc and" + "co" reads "and co"), strip that reading instead.
    const normalized = base.concat(codeTokens(legalForm));
    if (round === 2 || readsBack(normalized, normalized.length - base.length, legalForm)) {
      return { normalized: normalized.join(' '), base: base.join(' '), legalForm };
    }
    tokens = normalized;
  }
}

const CODE_TOKENS = new Map<string, readonly string[]>();
function codeTokens(code: string): readonly string[] {
  let tokens = CODE_TOKENS.get(code);
  if (!tokens) {
    tokens = code.split(' ');
    CODE_TOKENS.set(code, tokens);
  }
  return tokens;
}

/** Splits CJK legal forms off, drops stopwords, expands abbreviations, puts an inverted "KON." first. */
function prepareTokens(tokens: string[], nonAscii: boolean): string[] {
  if (nonAscii) tokens = splitCjkLegalForms(tokens);
  let kept = 0;
  for (const token of tokens) {
    if (!STOPWORDS.has(token)) tokens[kept++] = expandAbbreviation(token);
  }
  // A name made only of stopwords ("The The") stays as it is.
  if (kept > 0) tokens.length = kept;
  // Listings invert some prefixes ("AHOLD DELHAIZE,KON."): put the word first.
  const royal = tokens.indexOf('koninklijke');
  if (royal > 0) tokens.unshift(...tokens.splice(royal, 1));
  return tokens;
}

interface Window {
  readonly start: number;
  readonly end: number;
  readonly legalForm: string | null;
}

/** Shrinks the window until no rule applies; each rule leaves at least one word. */
function stripName(tokens: readonly string[]): Window {
  let start = 0;
  let end = tokens.length;
  let suffixForm: string | null = null;
  let prefixForm: string | null = null;
  // No repetition found for a start stays so while the end shrinks; look again when start moves.
  let repetitionCheckedFor = -1;
  while (end - start > 1) {
    if (repetitionCheckedFor !== start) {
      const repeatEnd = endBeforeRepetition(tokens, start, end);
      if (repeatEnd !== end) {
        end = repeatEnd;
        continue;
      }
      repetitionCheckedFor = start;
    }
    const suffix = legalFormTable.matchEnd(tokens, start, end);
    const noise = trailingNoiseLength(tokens, start, end);
    if (suffix && suffix.length >= noise) {
      suffixForm ??= suffix.value;
      end -= suffix.length;
    } else if (noise > 0) {
      end -= noise;
    } else if (STOPWORDS.has(tokens[end - 1]!)) {
      end -= 1;
    } else if (STOPWORDS.has(tokens[start]!)) {
      start += 1;
    } else {
      const prefix = legalFormTable.matchAt(tokens, start, end - 1);
      if (!prefix || !PREFIX_LEGAL_FORMS.has(prefix.value)) break;
      prefixForm ??= prefix.value;
      start += prefix.length;
    }
  }
  return { start, end, legalForm: suffixForm ?? prefixForm };
}

/** Whether stripping `tokens` removes exactly its last `codeLength` words as `code` first. */
function readsBack(tokens: readonly string[], codeLength: number, code: string): boolean {
  const end = tokens.length;
  const suffix = legalFormTable.matchEnd(tokens, 0, end);
  return (
    suffix?.length === codeLength &&
    suffix.value === code &&
    trailingNoiseLength(tokens, 0, end) <= codeLength &&
    endBeforeRepetition(tokens, 0, end) === end
  );
}

/**
 * Vendor listings repeat the name after the legal form ("NVIDIA CORP NVIDIA ORD SHS",
 * "KONINKLIJKE KPN NV KONINKLIJKE"): returns the end just after that legal form, else `end`.
 */
function endBeforeRepetition(tokens: readonly string[], start: number, end: number): number {
  const limit = Math.min(end - 1, start + REPEAT_SCAN);
  for (let at = start + 1; at < limit; at++) {
    const form = legalFormTable.matchAt(tokens, at, end - 1);
    if (form && repeatsName(tokens, start, at, tokens[at + form.length]!)) return at + form.length;
  }
  return end;
}

/** Whether `word` repeats the name's first words, truncates a word of it, or joins the first two. */
function repeatsName(tokens: readonly string[], start: number, at: number, word: string): boolean {
  if (
    word === tokens[start] ||
    word === tokens[start + 1] ||
    word === `${tokens[start]}${tokens[start + 1]}`
  ) {
    return true;
  }
  if (word.length < 3) return false;
  for (let i = start; i < at; i++) if (tokens[i]!.startsWith(word)) return true;
  return false;
}

/** The words of a base name, for token-level similarity and blocking. */
export function nameTokens(base: string): string[] {
  return base === '' ? [] : base.split(' ');
}
