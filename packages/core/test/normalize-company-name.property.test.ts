import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, LEGAL_FORMS, transliterationKey } from '../src/entries/text.js';
import { normalizeCompanyName } from '../src/index.js';

/** Pieces real listing names are made of, so random names hit the stripping rules often. */
const PIECES = [
  ...LEGAL_FORMS.flatMap((form) => form.variants),
  ...[...ABBREVIATIONS.keys()].slice(0, 60),
  ...[
    'S.A.',
    'N.V.',
    'S.p.A.',
    'A/S',
    'GmbH & Co. KGaA',
    'S.A.B. de C.V.',
    'Co., Ltd.',
    '(publ)',
    'PT',
    'AS',
  ],
  ...[
    'O.N.',
    'NAM.',
    'INH.',
    'NA',
    'VZO',
    'REG S',
    'REGS',
    'GDR',
    'ADR',
    'SP.ADR/4',
    'ORD SHS',
    'ORD',
    'CL A',
  ],
  ...['EO -,25', 'EO-,01', 'DL-,001', 'EO 1,60', 'SK 0,005', 'HD-10', 'YC1', '1/50', 'DL', '-A-', 'H', 'B'],
  ...['AC.PORT.', '(P.S.)', 'Aktien', 'the', 'of', 'and', '&', '+', 'Koninklijke', 'KON.', "L'", "'s", 'ON'],
  ...[
    'Siemens',
    'Nvidia',
    'Ahold',
    'Delhaize',
    'Kloeckner',
    'stroeer',
    'Bank',
    'Holdings',
    'Group',
    'x',
    '1',
  ],
  ...['株式会社', 'トヨタ', 'Газпром', 'Ωμέγα', 'हिंदी', 'ß', 'Æ', 'İ', 'ς', '\u00ad', '\u0301', '\u200d'],
];
const SEPARATORS = [' ', '  ', '.', ',', '-', '/', '(', ')', '', '\t', '\u3000'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const control = fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code));
const anyText = fc.string({
  unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate, control),
  maxLength: 40,
});
const listingLike = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 8 })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''));
const names = fc.oneof(
  anyText,
  listingLike,
  fc.tuple(listingLike, anyText).map(([a, b]) => a + b),
);

const ALPHABET = /^(?:[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?: [\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*)?$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

describe('normalizeCompanyName laws', () => {
  it('is total and idempotent on normalized and on base', () => {
    fc.assert(
      fc.property(names, (name) => {
        const first = normalizeCompanyName(name);
        expect(normalizeCompanyName(first.normalized)).toEqual(first);
        expect(normalizeCompanyName(first.base).base).toBe(first.base);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes single-spaced lower-case words of letters, digits and their marks', () => {
    fc.assert(
      fc.property(names, (name) => {
        const { normalized, base } = normalizeCompanyName(name);
        expect(normalized).toMatch(ALPHABET);
        expect(base).toMatch(ALPHABET);
        expect(base).toBe(base.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  // Letters as NFKC leaves them: a halfwidth sound mark (U+FF9E, category Lm) becomes a combining
  // mark (U+3099), which carries no letter of its own; a name of only that has nothing to keep.
  it('never empties base when the input has a letter or a digit (after NFKC)', () => {
    expect(normalizeCompanyName('\uFF9E').base).toBe('');
    fc.assert(
      fc.property(names, (name) => {
        fc.pre(LETTER_OR_DIGIT.test(name.normalize('NFKC').replace(/\p{M}/gu, '')));
        expect(normalizeCompanyName(name).base).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the legal form code at the end of normalized, and only there', () => {
    fc.assert(
      fc.property(names, (name) => {
        const { normalized, base, legalForm } = normalizeCompanyName(name);
        expect(normalized).toBe(legalForm === null ? base : `${base} ${legalForm}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('transliterationKey is idempotent', () => {
    fc.assert(
      fc.property(names, (name) => {
        const key = transliterationKey(normalizeCompanyName(name).base);
        expect(transliterationKey(key)).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles 1 MB names', () => {
    for (const unit of ['Siemens AG NA O.N. ', 'Alpha-Beta & Gamma ']) {
      const result = normalizeCompanyName(`${unit.repeat(Math.ceil(1_000_000 / unit.length))} Inc.`);
      expect(result.legalForm).toBe('inc');
      expect(result.base.length).toBeGreaterThan(500_000);
      expect(normalizeCompanyName(result.normalized)).toEqual(result);
    }
    expect(normalizeCompanyName('\u{1F600}'.repeat(300_000)).base).toBe('');
  });
});
