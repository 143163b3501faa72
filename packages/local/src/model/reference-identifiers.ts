import {
  type IdentifierScheme,
  type ReferenceEntity,
  type SourceEntity,
  validatedIdentifiers,
} from '@em/core';
import { type ReferenceRows, referenceRows } from '../reference/reference-rows.js';

const IDENTIFIER_SCHEMES: readonly IdentifierScheme[] = ['lei', 'isin', 'cusip'];

/**
 * Reference rows by valid identifier, for the exact-identifier part of training and evaluation.
 * Holds row positions, not rows: over a columnar reference a row becomes an object only when
 * a source hits it.
 */
export class ReferenceIdentifiers {
  private readonly rows: ReferenceRows;
  /** `scheme:value` → the position of its row, or the positions when several rows share it. */
  private readonly byKey = new Map<string, number | number[]>();

  constructor(reference: readonly ReferenceEntity[] | ReferenceRows) {
    this.rows = referenceRows(reference);
    for (let d = 0; d < this.rows.length; d++) {
      const ids = validatedIdentifiers({
        lei: this.rows.field('lei', d),
        isin: this.rows.field('isin', d),
        cusip: this.rows.field('cusip', d),
      });
      for (const scheme of IDENTIFIER_SCHEMES) {
        const value = ids[scheme];
        if (value === null) continue;
        const key = `${scheme}:${value}`;
        const held = this.byKey.get(key);
        if (held === undefined) this.byKey.set(key, d);
        else if (typeof held === 'number') this.byKey.set(key, [held, d]);
        else held.push(d);
      }
    }
  }

  /** The reference rows whose validated `scheme` identifier is `value` (already validated and canonical). */
  rowsWith(scheme: IdentifierScheme, value: string): readonly ReferenceEntity[] {
    return this.positions(`${scheme}:${value}`).map((d) => this.rows.row(d));
  }

  /** Distinct reference rows sharing a valid identifier with the source, in reference order of first hit. */
  hits(source: Pick<SourceEntity, 'lei' | 'isin' | 'cusip'>): ReferenceEntity[] {
    const ids = validatedIdentifiers(source);
    const seen = new Set<number>();
    const out: ReferenceEntity[] = [];
    for (const scheme of IDENTIFIER_SCHEMES) {
      const value = ids[scheme];
      if (value === null) continue;
      for (const d of this.positions(`${scheme}:${value}`)) {
        if (!seen.has(d)) {
          seen.add(d);
          out.push(this.rows.row(d));
        }
      }
    }
    return out;
  }

  private positions(key: string): readonly number[] {
    const held = this.byKey.get(key);
    return held === undefined ? [] : typeof held === 'number' ? [held] : held;
  }
}
