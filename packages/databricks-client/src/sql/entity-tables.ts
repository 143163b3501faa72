import { REFERENCE_COLUMNS, SOURCE_COLUMNS } from '@em/core';

export type EntityKind = 'reference' | 'source';

/** Where each kind lives on Unity Catalog and which columns it carries (as in sql/). */
export interface EntityTables {
  readonly kind: EntityKind;
  readonly key: readonly string[];
  /** Data columns as loaded, in the order the content hash covers them. */
  readonly columns: readonly string[];
  readonly bronze: string;
  readonly silver: string;
}

export const ENTITY_TABLES: Readonly<Record<EntityKind, EntityTables>> = {
  reference: {
    kind: 'reference',
    key: ['ciq_id'],
    columns: [...REFERENCE_COLUMNS, 'last_updated'],
    bronze: 'bronze.reference_entities',
    silver: 'silver.normalized_reference',
  },
  source: {
    kind: 'source',
    key: ['source_system', 'source_id'],
    columns: SOURCE_COLUMNS,
    bronze: 'bronze.source_entities',
    silver: 'silver.normalized_entities',
  },
};

/** `b.k1 > :after_0 OR (b.k1 = :after_0 AND b.k2 > :after_1)`: strictly after a cursor in key order. */
export function keysetAfter(alias: string, key: readonly string[]): string {
  const [first, ...rest] = key;
  if (first === undefined) throw new Error('keysetAfter needs a key');
  if (rest.length === 0) return `${alias}.${first} > :after_0`;
  return `(${alias}.${first} > :after_0 OR (${alias}.${first} = :after_0 AND ${keysetAfter(alias, rest).replace(/:after_(\d+)/g, (_, n) => `:after_${Number(n) + 1}`)}))`;
}

/** Cursor parameters for `keysetAfter`: '' sorts before every real key. */
export function keysetParams(
  key: readonly string[],
  last: Readonly<Record<string, unknown>> | null,
): Record<string, string> {
  return Object.fromEntries(key.map((k, i) => [`after_${i}`, last ? String(last[k]) : '']));
}
