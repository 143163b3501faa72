import { createHash } from 'node:crypto';
import { normalizeCompanyName, type ReferenceEntity } from '@em/core';
import { type ReferenceRows, referenceRows } from '../reference/reference-rows.js';
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

/**
 * Content hash of what an index is built from: each row's ciq_id, name, country
 * and ticker in order, the index options, the term version and the normalizer's
 * output on fixed probes. Equal fingerprints mean a persisted index is current.
 */
export function referenceFingerprint(
  reference: readonly ReferenceEntity[] | ReferenceRows,
  options: NameIndexOptions,
): string {
  const hash = createHash('sha256');
  hash.update(`${NAME_INDEX_FORMAT}|${NAME_TERMS_VERSION}|${JSON.stringify(options)}\n`);
  for (const probe of NORMALIZER_PROBES) hash.update(`${JSON.stringify(normalizeCompanyName(probe))}\n`);
  const parts: string[] = [];
  const rows = referenceRows(reference);
  for (let d = 0; d < rows.length; d++) {
    const f = (c: 'ciq_id' | 'company_name' | 'country' | 'ticker'): string => rows.field(c, d) ?? '';
    parts.push(`${f('ciq_id')}\u001f${f('company_name')}\u001f${f('country')}\u001f${f('ticker')}\u001e`);
    if (parts.length === 4096) {
      hash.update(parts.join(''));
      parts.length = 0;
    }
  }
  hash.update(parts.join(''));
  return hash.digest('hex');
}
