import { expandAbbreviation } from './abbreviations.js';
import { SequenceTable } from './sequence-table.js';

/** Legal systems that share a family of company forms; useful as a cheap pair feature. */
export type LegalFormFamily =
  | 'common-law'
  | 'germanic'
  | 'dutch'
  | 'nordic'
  | 'romance'
  | 'latin-american'
  | 'european'
  | 'asia-pacific'
  | 'post-soviet';

export interface LegalForm {
  /** Canonical code kept at the end of `normalized` ("ag", "pty ltd", "sab de cv"). */
  readonly code: string;
  readonly family: LegalFormFamily;
  /** Spellings as they read after folding and tokenizing ("S.p.A." reads "spa"). */
  readonly variants: readonly string[];
}

/**
 * Every legal form the normalizer separates from a name. Variants are token sequences after
 * `foldText` + `tokenizeName`; the code itself is always a variant, so normalizing an output
 * finds the same form again. Forms are only removed at the end of a name, except those in
 * `PREFIX_LEGAL_FORMS`.
 */
export const LEGAL_FORMS: readonly LegalForm[] = [
  { code: 'inc', family: 'common-law', variants: ['inc', 'incorporated'] },
  { code: 'corp', family: 'common-law', variants: ['corp', 'corporation', 'corpn'] },
  {
    code: 'co',
    family: 'common-law',
    variants: ['co', 'company', 'and co', 'and company', 'and cie', '주식회사'],
  },
  { code: 'ltd', family: 'common-law', variants: ['ltd', 'limited', '有限公司', '股份有限公司'] },
  { code: 'llc', family: 'common-law', variants: ['llc', 'limited liability company', 'ооо'] },
  { code: 'lp', family: 'common-law', variants: ['lp', 'limited partnership'] },
  { code: 'llp', family: 'common-law', variants: ['llp', 'limited liability partnership'] },
  { code: 'plc', family: 'common-law', variants: ['plc', 'public limited company', 'public ltd co'] },
  {
    code: 'pty ltd',
    family: 'asia-pacific',
    variants: ['pty ltd', 'pty limited', 'proprietary limited', 'pty'],
  },
  { code: 'nl', family: 'asia-pacific', variants: ['nl', 'no liability'] },
  { code: 'ag', family: 'germanic', variants: ['ag', 'aktiengesellschaft'] },
  { code: 'gmbh', family: 'germanic', variants: ['gmbh', 'gesellschaft mit beschrankter haftung'] },
  { code: 'kg', family: 'germanic', variants: ['kg', 'kommanditgesellschaft'] },
  { code: 'kgaa', family: 'germanic', variants: ['kgaa', 'kommanditgesellschaft auf aktien'] },
  { code: 'se', family: 'european', variants: ['se', 'societas europaea', 'societe europeenne'] },
  {
    code: 'sa',
    family: 'romance',
    variants: ['sa', 'societe anonyme', 'sociedad anonima', 'sociedade anonima', 'αε'],
  },
  { code: 'spa', family: 'romance', variants: ['spa', 'societa per azioni'] },
  { code: 'sas', family: 'romance', variants: ['sas', 'sasu', 'societe par actions simplifiee'] },
  { code: 'sarl', family: 'romance', variants: ['sarl', 'societe a responsabilite limitee'] },
  { code: 'sca', family: 'romance', variants: ['sca', 'societe en commandite par actions'] },
  {
    code: 'srl',
    family: 'romance',
    variants: ['srl', 'societa a responsabilita limitata', 'sociedad de responsabilidad limitada'],
  },
  { code: 'sl', family: 'romance', variants: ['sl', 'sociedad limitada'] },
  { code: 'sgps', family: 'romance', variants: ['sgps'] },
  { code: 'sab de cv', family: 'latin-american', variants: ['sab de cv', 'sab'] },
  { code: 'sa de cv', family: 'latin-american', variants: ['sa de cv'] },
  { code: 'sapi de cv', family: 'latin-american', variants: ['sapi de cv'] },
  { code: 'ltda', family: 'latin-american', variants: ['ltda', 'limitada'] },
  { code: 'nv', family: 'dutch', variants: ['nv', 'naamloze vennootschap'] },
  { code: 'bv', family: 'dutch', variants: ['bv', 'besloten vennootschap'] },
  {
    code: 'commva',
    family: 'dutch',
    variants: ['commva', 'comm va', 'commanditaire vennootschap op aandelen'],
  },
  { code: 'ab', family: 'nordic', variants: ['ab', 'aktiebolag', 'ab publ', 'aktiebolag publ', 'publ'] },
  { code: 'asa', family: 'nordic', variants: ['asa', 'allmennaksjeselskap'] },
  {
    code: 'as',
    family: 'nordic',
    variants: ['as', 'aktieselskab', 'aksjeselskap', 'anonim sirketi', 'anonim ortakligi'],
  },
  { code: 'aps', family: 'nordic', variants: ['aps', 'anpartsselskab'] },
  { code: 'oy', family: 'nordic', variants: ['oy', 'osakeyhtio'] },
  { code: 'oyj', family: 'nordic', variants: ['oyj', 'julkinen osakeyhtio', 'abp'] },
  {
    code: 'kk',
    family: 'asia-pacific',
    variants: ['kk', 'kabushiki kaisha', 'kabushiki gaisha', 'kaisha', '株式会社'],
  },
  { code: 'bhd', family: 'asia-pacific', variants: ['bhd', 'berhad'] },
  { code: 'sdn bhd', family: 'asia-pacific', variants: ['sdn bhd', 'sendirian berhad'] },
  { code: 'tbk', family: 'asia-pacific', variants: ['tbk', 'terbuka', 'persero tbk'] },
  { code: 'pt', family: 'asia-pacific', variants: ['pt'] },
  {
    code: 'pcl',
    family: 'asia-pacific',
    variants: ['pcl', 'public company limited', 'public co limited', 'public co ltd', 'public company ltd'],
  },
  { code: 'pjsc', family: 'post-soviet', variants: ['pjsc', 'public joint stock company', 'pao', 'пао'] },
  {
    code: 'jsc',
    family: 'post-soviet',
    variants: ['jsc', 'joint stock company', 'ojsc', 'oao', 'cjsc', 'zao', 'ао', 'оао', 'зао'],
  },
  { code: 'nyrt', family: 'post-soviet', variants: ['nyrt'] },
];

/** Forms also removed at the start of a name, where their jurisdictions put them. */
export const PREFIX_LEGAL_FORMS: ReadonlySet<string> = new Set(['pt', 'as', 'pjsc', 'jsc', 'llc', 'kk']);

const BY_CODE = new Map(LEGAL_FORMS.map((form) => [form.code, form]));

/** Variants are matched after abbreviation expansion ("public limited company" → "public ltd co"). */
export const legalFormTable = new SequenceTable<string>(
  LEGAL_FORMS.flatMap((form) => form.variants.map((variant) => [expandPhrase(variant), form.code] as const)),
);

export function expandPhrase(phrase: string): string {
  return phrase.split(' ').map(expandAbbreviation).join(' ');
}

/** The family of a canonical legal-form code, or null for an unknown code. */
export function legalFormFamily(code: string | null): LegalFormFamily | null {
  return (code !== null && BY_CODE.get(code)?.family) || null;
}
