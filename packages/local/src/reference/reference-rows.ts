import { REFERENCE_COLUMNS, type ReferenceEntity } from '@em/core';

export type ReferenceColumn = (typeof REFERENCE_COLUMNS)[number];

/**
 * The reference master as retrieval sees it: rows by position (the index's document ids),
 * read one field or one whole row at a time. A `ReferenceStore` keeps a million rows in a
 * few columnar strings instead of a million objects; a plain array fits too (`referenceRows`).
 */
export interface ReferenceRows {
  readonly length: number;
  /** Row `d` as an entity (a fresh object each call). */
  row(d: number): ReferenceEntity;
  /** One field of row `d`; optional fields are null when empty. */
  field(column: ReferenceColumn, d: number): string | null;
}

/** An array of entities as `ReferenceRows` (rows are returned as they are, not copied). */
export function referenceRows(rows: readonly ReferenceEntity[] | ReferenceRows): ReferenceRows {
  if (!Array.isArray(rows)) return rows as ReferenceRows;
  const array = rows as readonly ReferenceEntity[];
  return {
    length: array.length,
    row: (d) => array[d]!,
    field: (column, d) => array[d]![column] ?? null,
  };
}

export { REFERENCE_COLUMNS };
