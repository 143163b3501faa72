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

export function nameTerms(name: string, ticker: string | null = null): string[] {
  const text = indexText(name);
  const terms: string[] = [];
  if (text.length > 0) {
    const padded = ` ${text} `;
    for (let i = 0; i + 3 <= padded.length; i++) terms.push(`g${padded.slice(i, i + 3)}`);
    for (const word of text.split(' ')) {
      if (word.length === 0) continue;
      terms.push(`w${word}`);
      const top = Math.min(word.length, PREFIX_MAX);
      for (let len = PREFIX_MIN; len <= top; len++) terms.push(`p${word.slice(0, len)}`);
    }
  }
  const t = ticker?.trim().toUpperCase().replaceAll('\u0000', '');
  if (t) terms.push(`t${t}`);
  return terms;
}
