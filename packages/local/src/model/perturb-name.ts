import { ABBREVIATIONS } from '@em/core/text';

/**
 * Realistic rewrites of a company name, as other systems spell the same company:
 * exchange listing style (capitals, abbreviations, truncated words, par-value tails),
 * legal-form swaps, dropped words and typos. Used to make training pairs from the
 * reference alone.
 */
export type Rand = () => number;

const PAR_TAILS = [
  'O.N.',
  'INH. O.N.',
  'EO -,25',
  'DL-,01',
  'DL -,001',
  'NAM. EO 1',
  'LS-,10',
  'HD-,10',
  'YC 1',
  'REG S',
  'ADR',
  'SK 0,005',
  'EO 1,60',
  'NA O.N.',
  'ORD SHS',
  'A',
  'CL.A',
  'NEW DL-,01',
  'BA 1',
  'RM 1',
];

const LEGAL_SWAPS: readonly (readonly string[])[] = [
  ['Inc.', 'Incorporated', 'INC', 'Inc', 'Corp.'],
  ['Corporation', 'Corp.', 'CORP', 'Corp'],
  ['Limited', 'Ltd.', 'LTD', 'Ltd', 'Co., Ltd.', 'PLC'],
  ['plc', 'PLC', 'Public Limited Company', 'Ltd'],
  ['AG', 'Aktiengesellschaft', 'SE'],
  ['SE', 'AG', 'Societas Europaea'],
  ['S.A.', 'SA', 'S.A', 'Societe Anonyme'],
  ['N.V.', 'NV', 'Naamloze Vennootschap'],
  ['S.p.A.', 'SpA', 'SPA'],
  ['AB', 'AB (publ)', '(publ)'],
];

/** Canonical word → its abbreviations (from core's table). */
const SHORT_FORMS = new Map<string, string[]>();
for (const [spelling, canonical] of ABBREVIATIONS) {
  if (spelling === canonical || spelling.length >= canonical.length) continue;
  const list = SHORT_FORMS.get(canonical) ?? [];
  list.push(spelling);
  SHORT_FORMS.set(canonical, list);
}

const pick = <T>(rand: Rand, a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const words = (name: string): string[] => name.split(/\s+/).filter((w) => w.length > 0);

export const PERTURBATIONS: Readonly<Record<string, (name: string, rand: Rand) => string>> = {
  listingStyle: (name, rand) => {
    const out = words(name).map((w, i) => {
      const bare = w.replace(/[.,]$/, '');
      const short = SHORT_FORMS.get(bare.toLowerCase());
      if (short && rand() < 0.7) return `${pick(rand, short).toUpperCase()}.`;
      if (i > 0 && bare.length > 6 && rand() < 0.4)
        return `${bare.slice(0, 3 + Math.floor(rand() * 4)).toUpperCase()}.`;
      return w.toUpperCase();
    });
    return `${out.join(' ')}${rand() < 0.7 ? ` ${pick(rand, PAR_TAILS)}` : ''}`;
  },
  truncateWord: (name, rand) => {
    const ws = words(name);
    const long = ws.map((w, i) => [w, i] as const).filter(([w]) => w.length > 6);
    if (long.length === 0) return name;
    const [w, i] = pick(rand, long);
    ws[i] = `${w.slice(0, 3 + Math.floor(rand() * 4))}.`;
    return ws.join(' ');
  },
  truncateName: (name, rand) => {
    const width = 12 + Math.floor(rand() * 14);
    return name.length > width ? name.slice(0, width).trim() : name;
  },
  parTail: (name, rand) => `${name} ${pick(rand, PAR_TAILS)}`,
  legalForm: (name, rand) => {
    for (const group of LEGAL_SWAPS) {
      for (const form of group) {
        if (name.endsWith(` ${form}`)) {
          const stem = name.slice(0, -form.length - 1).replace(/,$/, '');
          return rand() < 0.3 ? stem : `${stem} ${pick(rand, group)}`;
        }
      }
    }
    return rand() < 0.5 ? `${name} ${pick(rand, pick(rand, LEGAL_SWAPS))}` : name;
  },
  dropWord: (name, rand) => {
    const ws = words(name);
    if (ws.length < 3) return name;
    ws.splice(1 + Math.floor(rand() * (ws.length - 1)), 1);
    return ws.join(' ');
  },
  typo: (name, rand) => {
    if (name.length < 4) return name;
    const i = 1 + Math.floor(rand() * (name.length - 2));
    const kind = Math.floor(rand() * 4);
    const letter = String.fromCharCode(97 + Math.floor(rand() * 26));
    if (kind === 0) return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    if (kind === 1) return name.slice(0, i) + name.slice(i + 1);
    if (kind === 2) return name.slice(0, i) + letter + name.slice(i);
    return name.slice(0, i) + letter + name.slice(i + 1);
  },
  ampersand: (name) => (name.includes('&') ? name.replace(/&/g, 'and') : name.replace(/ and /gi, ' & ')),
  caseChange: (name, rand) => (rand() < 0.5 ? name.toUpperCase() : name.toLowerCase()),
};

const OPS = Object.keys(PERTURBATIONS);

/** One to three random perturbations; never returns an empty name. */
export function perturbName(name: string, rand: Rand): string {
  let out = name;
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) out = PERTURBATIONS[pick(rand, OPS)]!(out, rand);
  return out.trim().length > 0 ? out.trim() : name;
}
