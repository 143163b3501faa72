import {
  type IdentifierScheme,
  type ReferenceEntity,
  type SourceEntity,
  validatedIdentifiers,
} from '@em/core';

const IDENTIFIER_SCHEMES: readonly IdentifierScheme[] = ['lei', 'isin', 'cusip'];

/** Reference rows by valid identifier, for the exact-identifier part of training and evaluation. */
export class ReferenceIdentifiers {
  private readonly byKey = new Map<string, ReferenceEntity[]>();

  constructor(reference: readonly ReferenceEntity[]) {
    for (const row of reference) {
      const ids = validatedIdentifiers(row);
      for (const scheme of IDENTIFIER_SCHEMES) {
        const value = ids[scheme];
        if (value === null) continue;
        const key = `${scheme}:${value}`;
        const list = this.byKey.get(key);
        if (list) list.push(row);
        else this.byKey.set(key, [row]);
      }
    }
  }

  /** The reference rows whose validated `scheme` identifier is `value` (already validated and canonical). */
  rowsWith(scheme: IdentifierScheme, value: string): readonly ReferenceEntity[] {
    return this.byKey.get(`${scheme}:${value}`) ?? [];
  }

  /** Distinct reference rows sharing a valid identifier with the source, in reference order of first hit. */
  hits(source: Pick<SourceEntity, 'lei' | 'isin' | 'cusip'>): ReferenceEntity[] {
    const ids = validatedIdentifiers(source);
    const seen = new Set<string>();
    const out: ReferenceEntity[] = [];
    for (const scheme of IDENTIFIER_SCHEMES) {
      const value = ids[scheme];
      if (value === null) continue;
      for (const row of this.byKey.get(`${scheme}:${value}`) ?? []) {
        if (!seen.has(row.ciq_id)) {
          seen.add(row.ciq_id);
          out.push(row);
        }
      }
    }
    return out;
  }
}
