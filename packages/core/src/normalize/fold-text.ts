/**
 * Unicode folding for company names: NFKC, lower case, Latin and Greek diacritics removed,
 * letters without a decomposition folded by hand (ß→ss, æ→ae, ø→o, ł→l, đ→d, …).
 * Other scripts keep their marks (Devanagari vowel signs, Japanese dakuten), so non-Latin names
 * survive. Format characters (soft hyphen, zero-width joiners, BOM) and control characters
 * other than whitespace are removed without leaving a gap: "Advan\u00ADtag" → "advantag".
 */

/** Any UTF-16 unit outside ASCII (surrogates included). */
export const NON_ASCII = /[\u0080-\uffff]/;
// Controls other than \t \n \v \f \r, plus every Unicode format character (Cf).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\p{Cf}]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE_ASCII = /[\x00-\x08\x0e-\x1f\x7f]/g;
// A surrogate half without its partner; removing the characters around it must not pair it up.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Marks left behind by a non-letter ("L'\u0301"): removing the apostrophe later must not
// attach them to a Latin letter.
const STRAY_MARKS = /(?<![\p{L}\p{N}\p{M}])\p{M}+/gu;
const LATIN_OR_GREEK_MARKS = /([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu;

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ſ: 's',
  ƒ: 'f',
  ς: 'σ',
};
const SPECIAL_LETTER = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(INVISIBLE_ASCII, '');
  return text
    .replace(LONE_SURROGATE, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_OR_GREEK_MARKS, '$1')
    .replace(SPECIAL_LETTER, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(STRAY_MARKS, '');
}
