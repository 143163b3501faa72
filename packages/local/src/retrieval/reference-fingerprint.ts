import { createHash } from 'node:crypto';
import { normalizeCompanyName, type ReferenceEntity } from '@em/core';
import { type ReferenceRows, referenceRows } from '../reference/reference-rows.js';
import { canonicalValue, PAGE_ROWS, ReferenceStore } from '../reference/reference-store.js';
import { NAME_INDEX_FORMAT } from './name-index.js';
import type { NameIndexOptions } from './name-index-options.js';
import { NAME_TERMS_VERSION } from './name-terms.js';

/** Names whose normalization shows when the normalizer's behaviour changed (which makes an index stale). */
const NORMALIZER_PROBES = [
  'AHOLD DELHAIZE,KON.EO-,01',
  'NVIDIA CORP.  DL-,001',
  'Siemens Aktiengesellschaft',
  'SITC INTL HLDG.REGS HD-10',
  'Shanghai Fosun Pharmaceutical (Group) Co., Ltd.',
  'LIBERTY TRIPADV. HLDGS A',
  'Société Générale S.A.',
];

/** The columns an index is built from (`visitNameTerms` reads name and ticker, the boost the country; ciq_id orders the rows). */
const FINGERPRINT_COLUMNS = ['ciq_id', 'company_name', 'country', 'ticker'] as const;

/**
 * Content hash of what an index is built from: the ciq_id, name, country and ticker columns
 * of the rows in order (each value as `canonicalValue` writes it: NULL and '' alike), the index
 * options, the term version and the normalizer's output on fixed probes. Equal fingerprints
 * mean a persisted index is current. A `ReferenceStore` hands its page texts over as they are
 * (a million rows: 0.1 s instead of 0.8 s of per-row strings); any other rows give the same hash.
 */
export function referenceFingerprint(
  reference: readonly ReferenceEntity[] | ReferenceRows,
  options: NameIndexOptions,
): string {
  const hash = createHash('sha256');
  hash.update(`fingerprint 2|${NAME_INDEX_FORMAT}|${NAME_TERMS_VERSION}|${JSON.stringify(options)}\n`);
  for (const probe of NORMALIZER_PROBES) hash.update(`${JSON.stringify(normalizeCompanyName(probe))}\n`);
  const store = reference instanceof ReferenceStore ? reference : null;
  const rows = referenceRows(reference);
  for (const column of FINGERPRINT_COLUMNS) {
    if (store) {
      store.forEachCanonicalPage(column, (text) => hash.update(text));
      continue;
    }
    const parts: string[] = [];
    for (let d = 0; d < rows.length; d++) {
      parts.push(canonicalValue(rows.field(column, d)));
      if (parts.length === PAGE_ROWS || d === rows.length - 1) {
        hash.update(parts.join(''));
        parts.length = 0;
      }
    }
  }
  return hash.digest('hex');
}
