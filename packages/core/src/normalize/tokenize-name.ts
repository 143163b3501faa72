/**
 * Splits a folded name (see `foldText`) into word tokens of letters, digits and the marks that
 * follow them. Punctuation that carries meaning is resolved first:
 * - elided articles go ("L'Air Liquide" → "air liquide"), other apostrophes vanish
 *   ("McDonald's" → "mcdonalds");
 * - `&` and `+` become the word "and";
 * - dotted or slashed single letters join ("S.p.A." → "spa", "N.V." → "nv", "A/S" → "as");
 * - "O.N." (German "ohne Nennwert", no par value) and "AC.PORT." are dropped;
 * - a par value glued to a truncated word is split off ("BIOSCIENCEDL-,0001").
 * Everything else separates tokens. ASCII names take equivalent regexes without Unicode classes.
 */
import { NON_ASCII } from './fold-text.js';

interface Patterns {
  readonly elidedArticle: RegExp;
  readonly apostrophes: RegExp;
  readonly noParValue: RegExp;
  readonly dottedLetters: RegExp;
  readonly slashedLetters: RegExp;
  readonly gluedParValue: RegExp;
  readonly token: RegExp;
}

function patterns(letter: string, word: string, apostrophe: string, flags: string): Patterns {
  const notWordBefore = `(?<![${word}])`;
  const notWordAfter = `(?![${word}])`;
  return {
    elidedArticle: new RegExp(`${notWordBefore}[ld]${apostrophe}(?=[${letter}])`, `g${flags}`),
    apostrophes: new RegExp(apostrophe, `g${flags}`),
    noParValue: new RegExp(`${notWordBefore}(?:o\\.\\s?n\\.?|ac\\.\\s?port\\.?)${notWordAfter}`, `g${flags}`),
    dottedLetters: new RegExp(`${notWordBefore}[${letter}](?:\\.[${letter}])+${notWordAfter}`, `g${flags}`),
    slashedLetters: new RegExp(`${notWordBefore}([${letter}])\\/([${letter}])${notWordAfter}`, `g${flags}`),
    gluedParValue: new RegExp(`(?<=[${letter}]{2})(?=(?:eo|dl|ls)\\s?-?\\d*,\\d+\\s*$)`, flags),
    token: flags === 'u' ? /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu : /[a-z0-9]+/g,
  };
}

const ASCII = patterns('a-z', 'a-z0-9', "['`]", '');
const UNICODE = patterns('\\p{L}', '\\p{L}\\p{N}', "['`\u2018\u2019\u02bc]", 'u');
const AND_SIGNS = /[&+]/g;

function removeDots(match: string): string {
  return match.replace(/\./g, '');
}

/** Word tokens of an already folded string; empty only when it holds no letter or digit. */
export function tokenizeName(folded: string): string[] {
  const p = NON_ASCII.test(folded) ? UNICODE : ASCII;
  let cleaned = folded;
  if (p === UNICODE || cleaned.includes("'") || cleaned.includes('`')) {
    cleaned = cleaned.replace(p.elidedArticle, '').replace(p.apostrophes, '');
  }
  if (cleaned.includes('&') || cleaned.includes('+')) cleaned = cleaned.replace(AND_SIGNS, ' and ');
  if (cleaned.includes('.'))
    cleaned = cleaned.replace(p.noParValue, ' ').replace(p.dottedLetters, removeDots);
  if (cleaned.includes('/')) cleaned = cleaned.replace(p.slashedLetters, '$1$2');
  if (cleaned.includes(',')) cleaned = cleaned.replace(p.gluedParValue, ' ');
  const tokens = cleaned.match(p.token);
  if (tokens) return tokens;
  // Only the dropped markers held letters (e.g. the whole name was "O.N."): keep them as words.
  return folded.match(p.token) ?? [];
}
