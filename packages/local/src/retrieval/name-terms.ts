import { normalizeCompanyName } from '@em/core';

/**
 * Terms of a company name for the retrieval index, each tagged by block:
 * `g` character 3-grams over the padded base name (word boundaries are spaces),
 * `w` word tokens, `p` every prefix of 4..8 letters of each word (so a truncated
 * listing token such as `tripadv` meets `tripadvisor`), `t` the ticker when given.
 * Reference and query sides get the same terms, so equal names have cosine 1.
 * Duplicates are kept: they are the term frequency.
 */
export const TERM_BLOCKS = ['g', 'w', 'p', 't'] as const;
export type TermBlock = (typeof TERM_BLOCKS)[number];

export const PREFIX_MIN = 4;
export const PREFIX_MAX = 8;
/** Bumped whenever the terms of a name change, so persisted indexes go stale. */
export const NAME_TERMS_VERSION = 1;

/** The text the index sees: the normalized base name, or the full normalized name when the base is empty. */
export function indexText(name: string): string {
  const n = normalizeCompanyName(name);
  const text = n.base.length > 0 ? n.base : n.normalized;
  // Terms are stored joined by NUL; make sure none contains one.
  return text.replace(/\s+/g, ' ').replaceAll('\u0000', '').trim();
}

/** What `visitNameTerms` hands each term to. */
export interface NameTermVisitor {
  /** A 3-gram of ASCII characters as `asciiTrigramCode` of it (its term is `g` + the three characters). */
  trigram(code: number): void;
  /** A word: its terms are `wordTerms(word)`. */
  word(word: string): void;
  /** Any other term (a 3-gram with other characters, the ticker), as text. */
  term(term: string): void;
}

/** A word's terms: the word itself, then each of its prefixes of PREFIX_MIN..PREFIX_MAX characters. */
export function wordTerms(word: string): string[] {
  const terms = [`w${word}`];
  const top = Math.min(word.length, PREFIX_MAX);
  for (let len = PREFIX_MIN; len <= top; len++) terms.push(`p${word.slice(0, len)}`);
  return terms;
}

/** Three ASCII characters in 21 bits (7 each): a key for a table instead of a string for a map. */
export const asciiTrigramCode = (a: number, b: number, c: number): number => (a << 14) | (b << 7) | c;

/** The term `asciiTrigramCode` encodes. */
export const asciiTrigramTerm = (code: number): string =>
  `g${String.fromCharCode(code >>> 14, (code >>> 7) & 127, code & 127)}`;

/** Every term of a name in `nameTerms` order, ASCII 3-grams as numbers and words whole (the index build's fast paths). */
export function visitNameTerms(name: string, ticker: string | null, visit: NameTermVisitor): void {
  const text = indexText(name);
  if (text.length > 0) {
    const padded = ` ${text} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const a = padded.charCodeAt(i);
      const b = padded.charCodeAt(i + 1);
      const c = padded.charCodeAt(i + 2);
      if ((a | b | c) < 128) visit.trigram(asciiTrigramCode(a, b, c));
      else visit.term(`g${padded.slice(i, i + 3)}`);
    }
    for (const word of text.split(' ')) if (word.length > 0) visit.word(word);
  }
  const t = ticker?.trim().toUpperCase().replaceAll('\u0000', '');
  if (t) visit.term(`t${t}`);
}

export function nameTerms(name: string, ticker: string | null = null): string[] {
  const terms: string[] = [];
  visitNameTerms(name, ticker, {
    trigram: (code) => terms.push(asciiTrigramTerm(code)),
    word: (word) => terms.push(...wordTerms(word)),
    term: (term) => terms.push(term),
  });
  return terms;
}
